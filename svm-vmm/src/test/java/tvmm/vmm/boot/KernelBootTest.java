package tvmm.vmm.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KernelBootTest {
    private static final long RAM = 256 * BootLayout.MiB;
    private Path dir;

    @BeforeEach
    void makeDir() throws Exception {
        dir = Files.createTempDirectory("tvmm-kernelboot");
    }

    @AfterEach
    void removeDir() throws Exception {
        try (var s = Files.list(dir)) {
            s.forEach(p -> p.toFile().delete());
        }
        Files.delete(dir);
    }

    private Path file(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void bzImageBootsAsLinuxWithItsInitrd() throws Exception {
        Path k = file("vmlinuz", new SyntheticBzImage().build());
        Path rd = file("initrd", new byte[12345]);
        SparseMemory m = new SparseMemory(RAM, 0);
        KernelBoot.Loaded l = KernelBoot.load(m, RAM, k, rd.toString(), "console=ttyS0");
        assertTrue(l.cpu().longMode());
        assertEquals(BootLayout.ZERO_PAGE, l.cpu().rsi());
        assertEquals(12345, m.u32(BootLayout.ZERO_PAGE + BzImage.RAMDISK_SIZE));
        assertEquals("console=ttyS0", m.cString(BootLayout.CMDLINE));
        assertTrue(l.summary().contains("initrd 12 KiB"), l.summary());
    }

    @Test
    void multibootKernelGetsQemuStyleCommandLineAndModules() throws Exception {
        Path k = file("kernel.elf", SyntheticMultiboot.elf(MultibootHeader.MEMORY_INFO, 0, 1));
        Path a = file("a.bin", new byte[100]);
        Path b = file("b.bin", new byte[200]);
        SparseMemory m = new SparseMemory(RAM, 0);
        KernelBoot.Loaded l = KernelBoot.load(m, RAM, k, a + " x=1," + b, "test=apic");
        assertEquals(MultibootLoader.BOOTLOADER_MAGIC, l.cpu().rax());
        long info = l.cpu().rbx();
        assertEquals(k + " test=apic", m.cString(m.u32(info + 16)));
        assertEquals(2, m.u32(info + 20));
        long mods = m.u32(info + 24);
        assertEquals(a + " x=1", m.cString(m.u32(mods + 8)));
        assertEquals(100, m.u32(mods + 4) - m.u32(mods));
        assertEquals(b.toString(), m.cString(m.u32(mods + 24)));
    }

    @Test
    void otherFilesAreRefusedWithOneLine() throws Exception {
        SparseMemory m = new SparseMemory(RAM, 0);
        Path junk = file("junk", new byte[1000]);
        assertTrue(assertThrows(BootException.class, () -> KernelBoot.load(m, RAM, junk, null, "")).getMessage()
                .contains("not a Linux bzImage"));
        byte[] elf = SyntheticMultiboot.elf(0, 0, 1);
        elf[0x1000] = 0; // no multiboot magic
        Path vmlinux = file("vmlinux", elf);
        assertTrue(assertThrows(BootException.class, () -> KernelBoot.load(m, RAM, vmlinux, null, "")).getMessage()
                .contains("without a multiboot header"));
        Path missing = dir.resolve("missing");
        assertTrue(assertThrows(BootException.class, () -> KernelBoot.load(m, RAM, missing, null, "")).getMessage()
                .startsWith("cannot read kernel"));
        Path k = file("vmlinuz", new SyntheticBzImage().build());
        assertTrue(assertThrows(BootException.class, () -> KernelBoot.load(m, RAM, k, missing.toString(), ""))
                .getMessage().startsWith("cannot read initrd"));
    }
}
