package dev.dapkit.server.internal;

import static dev.dapkit.server.internal.TestClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathMapperTest {

    private static PathMapper mapper(PathMapping... mappings) {
        PathMapper m = new PathMapper();
        m.setMappings(List.of(mappings));
        return m;
    }

    @Test
    void mapsBothWaysByRoot() {
        PathMapper m = mapper(new PathMapping("/home/me/app", "/srv/app"));
        assertEquals("/srv/app/pkg/main.py", m.toTarget("/home/me/app/pkg/main.py"));
        assertEquals("/home/me/app/pkg/main.py", m.toClient("/srv/app/pkg/main.py"));
        assertEquals("/srv/app", m.toTarget("/home/me/app"));
    }

    @Test
    void doubledAndTrailingSeparatorsAreIgnoredButALeadingOneCounts() {
        PathMapper m = mapper(new PathMapping("/home/me/app/", "/srv/app"));
        assertEquals("/srv/app/pkg/main.py", m.toTarget("/home/me//app/pkg\\main.py"));
        assertEquals("/home/me/app/pkg/main.py", m.toClient("/srv/app//pkg/main.py/"));
        assertEquals("home/me/app/x.py", m.toTarget("home/me/app/x.py"), "a relative path is not under an absolute root");
    }

    @Test
    void theLongestPrefixWins() {
        PathMapper m = mapper(new PathMapping("/home/me/app", "/srv/app"),
                new PathMapping("/home/me/vendored/lib", "/srv/app/lib"));
        assertEquals("/srv/app/lib/util.py", m.toTarget("/home/me/vendored/lib/util.py"));
        assertEquals("/home/me/vendored/lib/util.py", m.toClient("/srv/app/lib/util.py"));
        assertEquals("/home/me/app/libx/a.py", m.toClient("/srv/app/libx/a.py"), "only whole segments match");
    }

    @Test
    void separatorsFollowTheDestinationAndWindowsRootsIgnoreCase() {
        PathMapper m = mapper(new PathMapping("C:\\Users\\me\\app", "/srv/app"));
        assertEquals("/srv/app/pkg/main.py", m.toTarget("c:\\users\\ME\\app\\pkg\\main.py"));
        assertEquals("C:\\Users\\me\\app\\pkg\\main.py", m.toClient("/srv/app/pkg/main.py"));
        PathMapper root = mapper(new PathMapping("/", "/mnt/device/"));
        assertEquals("/mnt/device/main.py", root.toTarget("/main.py"));
        assertEquals("/main.py", root.toClient("/mnt/device/main.py"));
    }

    @Test
    void unmappedPathsMapToThemselves() {
        PathMapper m = mapper(new PathMapping("/home/me/app", "/srv/app"));
        assertEquals("/elsewhere/x.py", m.toTarget("/elsewhere/x.py"));
        assertEquals("/usr/lib/python3/os.py", m.toClient("/usr/lib/python3/os.py"));
        assertEquals(null, m.toTarget(null));
    }

    @Test
    void withoutAMappingTheLongestKnownSuffixIsTakenBothWays() {
        PathMapper m = new PathMapper();
        m.learnTargetPath("/flash/lib/main.py");
        m.learnTargetPath("/flash/main.py");
        m.learnTargetPath("/flash/boot.py");
        assertEquals("/flash/lib/main.py", m.toTarget("/home/me/board/lib/main.py"));
        assertEquals("/home/me/board/lib/main.py", m.toClient("/flash/lib/main.py"), "remembered for the way back");
        assertEquals("/flash/boot.py", m.toTarget("C:\\proj\\boot.py"));
        assertEquals("/home/me/other.py", m.toTarget("/home/me/other.py"), "no match: unchanged");
    }

    @Test
    void anAmbiguousSuffixMatchesNothing() {
        PathMapper m = new PathMapper();
        m.learnTargetPath("/a/util.py");
        m.learnTargetPath("/b/util.py");
        assertEquals("/home/me/c/util.py", m.toTarget("/home/me/c/util.py"));
        assertEquals("/a/util.py", m.toTarget("/x/a/util.py"), "a longer suffix settles it");
    }

    @Test
    void mappingsAreReadInBothConfigurationForms() {
        assertEquals(List.of(new PathMapping("/home/me/app", "/srv/app"), new PathMapping("/l2", "/r2")),
                PathMapping.fromArguments(json("{'pathMappings': [{'localRoot': '/home/me/app', 'remoteRoot': '/srv/app'},"
                        + " {'localRoot': '/l2', 'remoteRoot': '/r2'}, {'localRoot': '/only-local'}]}")));
        assertEquals(List.of(new PathMapping("${workspaceFolder}", "/app")),
                PathMapping.fromArguments(json("{'localRoot': '${workspaceFolder}', 'remoteRoot': '/app'}")));
        assertEquals(List.of(), PathMapping.fromArguments(json("{'port': 5678}")));
    }
}
