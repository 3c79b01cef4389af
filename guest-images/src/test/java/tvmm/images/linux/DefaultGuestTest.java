package tvmm.images.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Checks the default guest in the cache when one was built (by {@code tvmm run} or
 * {@code guest-images/scripts/qemu-boot.sh}); the test does not download 27 MB itself.
 */
class DefaultGuestTest {

    @Test
    void cachedImageIsABzImageAndABootableInitramfs() throws Exception {
        Optional<GuestImage> cached = DefaultGuest.cached();
        assumeTrue(cached.isPresent(), "no default guest in " + GuestCache.root()
                + " (build it with guest-images/scripts/qemu-boot.sh): skipped");
        GuestImage g = cached.get();
        System.out.println("checking cached default guest: " + g.description() + " in " + g.directory());
        byte[] head = new byte[0x206];
        try (InputStream in = Files.newInputStream(g.kernel())) {
            assertEquals(head.length, in.readNBytes(head, 0, head.length));
        }
        assertEquals("HdrS", new String(head, 0x202, 4, StandardCharsets.US_ASCII));
        assertEquals(0xAA55, (head[0x1FE] & 0xFF) | (head[0x1FF] & 0xFF) << 8);

        List<CpioNewcReader.Entry> entries;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(g.initrd()))) {
            entries = CpioNewcReader.read(in);
        }
        Map<String, CpioNewcReader.Entry> byName = entries.stream()
                .collect(Collectors.toMap(CpioNewcReader.Entry::name, Function.identity()));
        byte[] busybox = byName.get("bin/busybox").data();
        assertEquals("\u007fELF", new String(busybox, 0, 4, StandardCharsets.ISO_8859_1));
        for (String applet : List.of("bin/sh", "bin/mount", "sbin/poweroff", "usr/bin/setsid", "bin/cttyhack")) {
            assertTrue(byName.containsKey(applet), "applet " + applet);
        }
        assertTrue(byName.containsKey("init"));
        assertTrue(g.append().contains("console=ttyS0"), g.append());
    }

    @Test
    void recipeHashFollowsTheResources() {
        String h = DefaultGuest.recipeHash();
        assertEquals(10, h.length());
        assertEquals(h, DefaultGuest.recipeHash(), "stable across calls");
    }

    @Test
    void appletListComesFromTheHostBusyboxWhenPresent() throws Exception {
        var host = java.nio.file.Path.of("/bin/busybox");
        assumeTrue(Files.isExecutable(host), "busybox not installed on the host: skipped");
        List<String> applets = DefaultGuest.applets(host);
        assertTrue(applets.contains("bin/sh") && applets.size() > 100, applets.size() + " applets");
    }
}
