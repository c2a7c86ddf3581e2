package dev.dapkit.target.jvm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaSourceFileTest {

    @TempDir
    Path temp;

    @Test
    void thePackageIsReadPastCommentsAndAnnotations() throws IOException {
        Path file = temp.resolve("Main.java");
        Files.writeString(file, "/* package wrong; */\n// package wrong2;\n@Deprecated\npackage com.example.app;\n"
                + "class Main {}\n");
        JavaSourceFile source = JavaSourceFile.read(file);
        assertEquals("com.example.app", source.packageName());
        assertEquals("com.example.app.Main", source.primaryClass());
        assertEquals("Main.java", source.fileName());
    }

    @Test
    void aFileWithoutPackageIsInTheUnnamedPackage() throws IOException {
        Path file = temp.resolve("Tool.java");
        Files.writeString(file, "class Tool {}\n");
        assertEquals("Tool", JavaSourceFile.read(file).primaryClass());
    }

    @Test
    void linesAreToldApartForPlacingBreakpoints() throws IOException {
        Path file = temp.resolve("Kinds.java");
        Files.writeString(file, String.join("\n",
                "package k;",                               // 1
                "class Kinds {",                            // 2 declaration of a class: filler-like code
                "    @Override",                            // 3
                "    public String toString() {",           // 4
                "        /* a comment",                     // 5
                "           spanning lines */",             // 6
                "        if (x) {",                         // 7
                "        } else {",                         // 8
                "        }",                                // 9
                "        return call(1);",                  // 10
                "    }",                                    // 11
                "    <T> T make(Class<T> type) {",          // 12
                ""));
        JavaSourceFile source = JavaSourceFile.read(file);
        assertEquals(JavaSourceFile.LineKind.FILLER, source.kind(3));
        assertEquals(JavaSourceFile.LineKind.DECLARATION, source.kind(4));
        assertEquals("toString", source.declaredName(4));
        assertEquals(JavaSourceFile.LineKind.FILLER, source.kind(5));
        assertEquals(JavaSourceFile.LineKind.FILLER, source.kind(6));
        assertEquals(JavaSourceFile.LineKind.CODE, source.kind(7));
        assertEquals(JavaSourceFile.LineKind.FILLER, source.kind(8));
        assertEquals(JavaSourceFile.LineKind.FILLER, source.kind(9));
        assertEquals(JavaSourceFile.LineKind.CODE, source.kind(10));
        assertEquals(JavaSourceFile.LineKind.DECLARATION, source.kind(12));
        assertEquals("make", source.declaredName(12));
    }
}
