package dev.dapkit.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Deliberately bad classes that prove the architecture rules can fail. They live as sources in
 * {@code src/test/arch-fixtures} and are compiled here, on the class path: compiled with the test
 * sources they would be patched into this module, where JPMS itself refuses a package that another
 * dapkit module owns and any use of a package it does not export.
 */
final class ArchFixtures {

    private static final Path SOURCES = Path.of(System.getProperty("basedir", "."), "src", "test", "arch-fixtures");

    private ArchFixtures() {
    }

    /** The fixture classes of {@code names} (fully qualified), compiled into a fresh directory. */
    static JavaClasses compile(String... names) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the architecture fixtures need a JDK's compiler");
        try {
            Path out = Files.createTempDirectory("dapkit-arch-fixtures");
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "--release", "17"));
            try (Stream<Path> files = Files.walk(SOURCES)) {
                files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(args::add);
            }
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            int status = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
            assertEquals(0, status, () -> "the architecture fixtures in " + SOURCES + " did not compile:\n" + diagnostics);
            return new ClassFileImporter().importPath(out).that(
                    DescribedPredicate.describe("one of " + List.of(names), c -> List.of(names).contains(c.getName())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
