package dev.dapkit.testkit.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.dapkit.model.RawJson;
import dev.dapkit.server.spi.TargetProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeTargetProviderTest {

    @Test
    void serviceLoaderFindsTheFakeTargetById() {
        List<TargetProvider> fakes = ServiceLoader.load(TargetProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(FakeTargetProvider.ID)).toList();
        assertEquals(1, fakes.size());
        assertInstanceOf(FakeTargetProvider.class, fakes.get(0));
    }

    @Test
    void theServiceLoaderProviderLaunchesProgramsFromTheFileSystem(@TempDir Path dir) throws Exception {
        Path main = dir.resolve("main.fake");
        Files.writeString(main, "import helper\nprint(greeting)\n");
        Files.writeString(dir.resolve("helper.fake"), "greeting = \"hello from \" + \"disk\"\n");
        TargetDriver driver = new TargetDriver(ServiceLoader.load(TargetProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("fake")).findFirst().orElseThrow());
        String path = main.toString().replace('\\', '/');
        driver.target.launch(RawJson.from(Map.of("program", path)));
        driver.target.configurationDone();
        assertEquals("hello from disk\n", driver.context.awaitOutput("disk"));
        assertEquals(0, driver.context.await("exited", Integer.class, c -> true));
        driver.close();
    }
}
