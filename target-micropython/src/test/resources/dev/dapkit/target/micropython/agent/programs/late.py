# Imports its helper only when it runs, after the host set the helper's breakpoint.
from late_helper import scale

print("scaled", scale(4))
