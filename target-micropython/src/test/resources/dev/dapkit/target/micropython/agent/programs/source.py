# é: a two-byte character at a known place for the src test
x = 1
