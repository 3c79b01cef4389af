package tvmm.vmm.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tvmm.images.linux.GuestImage;

class BzImageTest {

    @Test
    void modernImageParses() throws Exception {
        SyntheticBzImage s = new SyntheticBzImage();
        BzImage k = BzImage.parse("k", s.build());
        assertEquals(0x020F, k.protocol());
        assertEquals(5 * 512, k.setupSize());
        assertEquals(s.payloadSize, k.kernelSize());
        assertEquals(0x100_0000, k.prefAddress());
        assertEquals(0x20_0000, k.kernelAlignment());
        assertTrue(k.relocatable());
        assertEquals(2047, k.cmdlineSize());
        assertEquals(0x7FFF_FFFF, k.initrdAddrMax());
        assertEquals(0x26C, k.headerEnd());
        assertEquals(k.headerEnd() - BzImage.SETUP_SECTS, k.setupHeader().length);
    }

    @Test
    void setupSectsZeroMeansFour() throws Exception {
        byte[] b = new SyntheticBzImage().build(); // 4 setup sectors
        b[BzImage.SETUP_SECTS] = 0; // boot.rst: "if this field is 0, the real value is 4"
        assertEquals(5 * 512, BzImage.parse("old", b).setupSize());
    }

    private static String reject(byte[] image) {
        return assertThrows(BootException.class, () -> BzImage.parse("vmlinuz", image)).getMessage();
    }

    @Test
    void otherFilesAreRejectedWithOneLineReasons() {
        assertTrue(reject(new byte[] {0x7F, 'E', 'L', 'F', 1, 1, 1, 0}).contains("ELF"));
        assertTrue(reject(new byte[] {0x1F, (byte) 0x8B, 8, 0}).contains("gzip"));
        assertTrue(reject(new byte[100]).contains("not a Linux bzImage"));
        byte[] noMagic = new SyntheticBzImage().build();
        noMagic[BzImage.HEADER] = 'X';
        assertTrue(reject(noMagic).contains("HdrS"));
        for (String m : new String[] {reject(noMagic), reject(new byte[0])}) {
            assertTrue(m.startsWith("vmlinuz: ") && !m.contains("\n"), m);
        }
    }

    @Test
    void tooOldOrWrongKindOfKernel() {
        SyntheticBzImage old = new SyntheticBzImage();
        old.version = 0x020A;
        String m = reject(old.build());
        assertTrue(m.contains("2.10 is too old") && m.contains("2.12"), m);

        SyntheticBzImage zImage = new SyntheticBzImage();
        zImage.loadflags = 0;
        assertTrue(reject(zImage.build()).contains("zImage"));

        SyntheticBzImage i386 = new SyntheticBzImage();
        i386.xloadflags = 0;
        assertTrue(reject(i386.build()).contains("XLF_KERNEL_64"));
    }

    @Test
    void inconsistentHeadersAreRejected() {
        SyntheticBzImage truncated = new SyntheticBzImage();
        truncated.syssizeOverride = truncated.payloadSize / 16 + 1;
        assertTrue(reject(truncated.build()).contains("truncated"));

        SyntheticBzImage align = new SyntheticBzImage();
        align.kernelAlignment = 0x30_0000;
        assertTrue(reject(align.build()).contains("power of two"));

        SyntheticBzImage init = new SyntheticBzImage();
        init.initSize = 16;
        assertTrue(reject(init.build()).contains("init_size"));

        SyntheticBzImage header = new SyntheticBzImage();
        header.jump = 0xF0;
        assertTrue(reject(header.build()).contains("setup header"));
    }

    /** A kernel file is user input: any corruption must end in BootException, nothing else. */
    @Test
    void corruptHeadersNeverEscapeAsOtherExceptions() {
        byte[] good = new SyntheticBzImage().build();
        Random r = new Random(12345);
        int parsed = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] b = good.clone();
            for (int n = 1 + r.nextInt(4); n > 0; n--) {
                b[0x1F0 + r.nextInt(0x80)] = (byte) r.nextInt(256);
            }
            if (r.nextInt(10) == 0) {
                b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
            }
            try {
                BzImage.parse("fuzz", b);
                parsed++;
            } catch (BootException expected) {
                assertTrue(expected.getMessage().startsWith("fuzz: "));
            }
        }
        assertTrue(parsed > 0 && parsed < 3000, "some mutations are harmless, some are not: " + parsed);
    }

    @Test
    void realCloudKernel() throws Exception {
        Optional<GuestImage> g = CachedGuest.get();
        assumeTrue(g.isPresent(), "no cached default guest");
        byte[] file = Files.readAllBytes(g.get().kernel());
        BzImage k = BzImage.parse(g.get().kernel().getFileName().toString(), file);
        System.out.println(k);
        assertTrue(k.protocol() >= BzImage.MIN_PROTOCOL);
        assertTrue((k.xloadflags() & BzImage.XLF_KERNEL_64) != 0);
        assertTrue(k.initSize() > k.kernelSize(), "the decompressor needs room beyond the compressed kernel");
        assertEquals(0, k.prefAddress() % k.kernelAlignment());
        // arch/x86/boot/compressed/head_64.S: startup_64 at .org 0x200 begins with cld; cli.
        assertEquals(0xFC, file[k.setupSize() + 0x200] & 0xFF);
        assertEquals(0xFA, file[k.setupSize() + 0x201] & 0xFF);
    }
}
