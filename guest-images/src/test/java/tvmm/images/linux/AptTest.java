package tvmm.images.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** apt's output formats (as apt 2.6 on bookworm prints them) and the download checks. */
class AptTest {
    private static final String SHOW = """
            Package: linux-image-cloud-amd64
            Source: linux-signed-amd64 (6.1.192+2)
            Version: 6.1.192-2
            Installed-Size: 13
            Maintainer: Debian Kernel Team <debian-kernel@lists.debian.org>
            Architecture: amd64
            Depends: linux-image-6.1.0-56-cloud-amd64 (= 6.1.192-2)
            Description: Linux for x86-64 cloud (meta-package)
            Filename: pool/updates/main/l/linux-signed-amd64/linux-image-cloud-amd64_6.1.192-2_amd64.deb
            Size: 1520
            SHA256: 00be21c0c17f08ddf26e82d3b53fe7a41efa4a288938da6bb69e89c4b25c281d

            Package: linux-image-cloud-amd64
            Version: 6.1.192-2
            Architecture: amd64
            Size: 1
            SHA256: 1111111111111111111111111111111111111111111111111111111111111111
            """;

    @Test
    void stanzaGivesChecksumSizeAndDepends() throws Exception {
        DebPackage p = Apt.parseStanza(SHOW, "linux-image-cloud-amd64", "6.1.192-2");
        assertEquals("00be21c0c17f08ddf26e82d3b53fe7a41efa4a288938da6bb69e89c4b25c281d", p.sha256());
        assertEquals(1520, p.size());
        assertEquals("amd64", p.architecture());
        assertEquals("linux-image-cloud-amd64_6.1.192-2_amd64.deb", p.fileName());
        assertArrayEquals(new String[] {"linux-image-6.1.0-56-cloud-amd64", "6.1.192-2"},
                Apt.findDependency(p.depends(), DefaultGuest.KERNEL_PACKAGE));
    }

    @Test
    void stanzaOfAnotherVersionIsRejected() {
        assertThrows(GuestImageException.class, () -> Apt.parseStanza(SHOW, "linux-image-cloud-amd64", "6.1.176-1"));
    }

    @Test
    void dependencyRelationsAndAlternatives() {
        var kernel = DefaultGuest.KERNEL_PACKAGE;
        assertArrayEquals(new String[] {"linux-image-6.1.0-9-cloud-amd64", null},
                Apt.findDependency("kmod, linux-image-6.1.0-9-cloud-amd64", kernel));
        assertArrayEquals(new String[] {"linux-image-6.1.0-9-cloud-amd64", null},
                Apt.findDependency("foo | linux-image-6.1.0-9-cloud-amd64 (>= 6.1)", kernel));
        assertArrayEquals(new String[] {"linux-image-6.1.0-9-cloud-amd64", "6.1.1-1"},
                Apt.findDependency("linux-image-6.1.0-9-cloud-amd64:amd64 (= 6.1.1-1), kmod", kernel));
        assertNull(Apt.findDependency("linux-image-6.1.0-9-amd64 (= 1)", kernel));
    }

    @Test
    void policyOutputGivesCandidatesPerPackage() {
        Map<String, String> c = Apt.parseCandidates("""
                linux-image-cloud-amd64:
                  Installed: (none)
                  Candidate: 6.1.192-2
                  Version table:
                     6.1.192-2 500
                        500 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages
                busybox-static:
                  Installed: 1:1.35.0-4+deb12u1+b1
                  Candidate: 1:1.35.0-4+deb12u1+b1
                gone:
                  Installed: (none)
                  Candidate: (none)
                """);
        assertEquals(Map.of("linux-image-cloud-amd64", "6.1.192-2", "busybox-static", "1:1.35.0-4+deb12u1+b1"), c);
    }

    @Test
    void epochIsWrittenAsAptWritesItInFileNames() {
        DebPackage p = new DebPackage("busybox-static", "1:1.35.0-4", "amd64", "", "0".repeat(64), 1);
        assertEquals("busybox-static_1%3a1.35.0-4_amd64.deb", p.fileName());
        assertTrue(!p.key().contains(":"), "cache keys avoid ':' (PATH-like separators)");
    }

    @Test
    void downloadThatDiffersFromTheIndexIsRejected() throws Exception {
        Path f = Files.createTempFile("tvmm-deb", ".deb");
        try {
            Files.writeString(f, "abc");
            // SHA-256("abc"), FIPS 180-2 appendix B.1.
            String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
            Apt.verify(new DebPackage("x", "1", "all", "", abc, 3), f);
            GuestImageException size = assertThrows(GuestImageException.class,
                    () -> Apt.verify(new DebPackage("x", "1", "all", "", abc, 4), f));
            assertTrue(size.getMessage().contains("3 bytes"), size.getMessage());
            GuestImageException sha = assertThrows(GuestImageException.class,
                    () -> Apt.verify(new DebPackage("x", "1", "all", "", "0".repeat(64), 3), f));
            assertTrue(sha.getMessage().contains("does not match"), sha.getMessage());
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Test
    void aptIsLookedUpOnThePath() throws Exception {
        Path empty = Files.createTempDirectory("tvmm-nopath");
        try {
            assertTrue(!Apt.available(empty.toString()), "no apt in an empty directory");
            assertTrue(!Apt.available(null));
            assertTrue(!Apt.available(""));
            if (Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
                assertTrue(Apt.available(empty + java.io.File.pathSeparator + "/usr/bin"));
            }
        } finally {
            Files.delete(empty);
        }
    }

    /** Live: the metapackage on this host leads to a real kernel package (needs apt and its lists). */
    @Test
    void cloudMetapackageResolvesToARealKernelPackage() throws Exception {
        assumeTrue(Apt.available(), "apt not available: live resolution skipped");
        Map<String, String> v;
        try {
            v = Apt.candidates(List.of(DefaultGuest.KERNEL_METAPACKAGE));
        } catch (GuestImageException e) {
            assumeTrue(false, "apt lists lack " + DefaultGuest.KERNEL_METAPACKAGE + ": " + e.getMessage());
            return;
        }
        DebPackage meta = Apt.show(DefaultGuest.KERNEL_METAPACKAGE, v.get(DefaultGuest.KERNEL_METAPACKAGE));
        DebPackage kernel = Apt.dependency(meta, DefaultGuest.KERNEL_PACKAGE);
        assertTrue(DefaultGuest.KERNEL_PACKAGE.matcher(kernel.name()).matches(), kernel.name());
        assertTrue(kernel.size() > 1 << 20, "a kernel package is megabytes: " + kernel.size());
        System.out.println("resolved " + meta.pinned() + " -> " + kernel.pinned() + " sha256 " + kernel.sha256());
    }
}
