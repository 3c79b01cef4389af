package tvmm.images.testguests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every test guest assembles with nasm (warnings are errors) into a Multiboot v1 image that a
 * loader accepts: header in the first 8 KiB, checksum, a.out-kludge addresses consistent with
 * the file. Needs nasm (Debian package nasm).
 */
class TestGuestAssemblerTest {
    static final int MAGIC = 0x1BADB002;
    static final int AOUT_KLUDGE = 1 << 16;

    @TempDir
    Path cache;

    @Test
    void everyGuestAssemblesToAValidMultibootImage() throws IOException {
        TestGuestAssembler assembler = new TestGuestAssembler(cache);
        for (TestGuest guest : TestGuest.values()) {
            Path bin = assembler.binary(guest);
            byte[] image = Files.readAllBytes(bin);
            int offset = headerOffset(image);
            assertTrue(offset >= 0, guest + ": no Multiboot header in the first 8 KiB");
            ByteBuffer h = ByteBuffer.wrap(image, offset, 32).order(ByteOrder.LITTLE_ENDIAN);
            int magic = h.getInt();
            int flags = h.getInt();
            int checksum = h.getInt();
            assertEquals(0, magic + flags + checksum, guest + ": checksum");
            assertTrue((flags & AOUT_KLUDGE) != 0, guest + ": address fields present");
            long headerAddr = h.getInt() & 0xffffffffL;
            long loadAddr = h.getInt() & 0xffffffffL;
            long loadEnd = h.getInt() & 0xffffffffL;
            long bssEnd = h.getInt() & 0xffffffffL;
            long entry = h.getInt() & 0xffffffffL;
            assertEquals(TestGuest.LOAD_ADDRESS, loadAddr, guest + ": load address");
            assertEquals(loadAddr + offset, headerAddr, guest + ": header address matches its file offset");
            assertEquals(image.length, loadEnd - loadAddr, guest + ": load_end_addr covers the whole file");
            assertTrue(bssEnd >= loadEnd && bssEnd < 0x20_0000, guest + ": bss ends below 2 MiB");
            assertTrue(entry > headerAddr && entry < loadEnd, guest + ": entry inside the image");
        }
    }

    @Test
    void binariesAreCachedByTheirSources() throws IOException {
        TestGuestAssembler assembler = new TestGuestAssembler(cache);
        Path first = assembler.binary(TestGuest.TRIPLE);
        long modified = Files.getLastModifiedTime(first).toMillis();
        Path again = assembler.binary(TestGuest.TRIPLE);
        assertEquals(first, again);
        assertEquals(modified, Files.getLastModifiedTime(again).toMillis(), "not assembled twice");
        assertTrue(first.startsWith(cache.resolve("test-guests")));
        assertNotEquals(cache, first.getParent());
    }

    @Test
    void theCatalogNamesEverySourceFile() throws IOException, URISyntaxException {
        // The package directory exists in test-classes too: locate the sources by a file in them.
        Path dir = Path.of(TestGuestAssembler.class.getResource(TestGuestAssembler.RESOURCE_DIR + "lib/boot.inc")
                .toURI()).getParent().getParent();
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(dir)) {
            onDisk = files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(n -> n.endsWith(".asm") || n.endsWith(".inc"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(onDisk, new TreeSet<>(TestGuestAssembler.sources()));
    }

    static int headerOffset(byte[] image) {
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        for (int o = 0; o + 32 <= Math.min(image.length, 8192); o += 4) {
            if (b.getInt(o) == MAGIC) {
                return o;
            }
        }
        return -1;
    }
}
