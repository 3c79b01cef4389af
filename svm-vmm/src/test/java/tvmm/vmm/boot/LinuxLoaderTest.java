package tvmm.vmm.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tvmm.images.linux.GuestImage;
import tvmm.cpu.mmu.ControlBits;

class LinuxLoaderTest {
    private static final long RAM = 512 * BootLayout.MiB;

    private static byte[] initrd(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 13 + 1);
        }
        return b;
    }

    @Test
    void zeroPageCarriesHeaderCommandLineInitrdAndMemoryMap() throws Exception {
        SyntheticBzImage s = new SyntheticBzImage();
        byte[] file = s.build();
        BzImage k = BzImage.parse("k", file);
        SparseMemory m = new SparseMemory(RAM, 0);
        byte[] rd = initrd(100_001);
        LinuxLoader.Loaded l = LinuxLoader.load(m, RAM, k, rd, "console=ttyS0 panic=-1");
        long zp = BootLayout.ZERO_PAGE;

        // The setup header, copied: boot_flag, "HdrS", version, xloadflags.
        assertEquals(0xAA55, m.u16(zp + BzImage.BOOT_FLAG));
        assertEquals(BzImage.HDRS_MAGIC, m.u32(zp + BzImage.HEADER));
        assertEquals(0x020F, m.u16(zp + BzImage.VERSION));
        assertEquals(s.xloadflags, m.u16(zp + BzImage.XLOADFLAGS));
        assertEquals(0, m.u8(zp + ZeroPage.SENTINEL), "a non-zero sentinel makes the kernel distrust boot_params");
        assertEquals(0xFF, m.u8(zp + BzImage.TYPE_OF_LOADER));
        int flags = m.u8(zp + BzImage.LOADFLAGS);
        assertEquals(BzImage.LOADED_HIGH, flags & BzImage.LOADED_HIGH);
        assertEquals(0, flags & (BzImage.KEEP_SEGMENTS | BzImage.CAN_USE_HEAP | BzImage.QUIET_FLAG));

        assertEquals(BootLayout.CMDLINE, m.u32(zp + BzImage.CMD_LINE_PTR));
        assertEquals(0, m.u32(zp + ZeroPage.EXT_CMD_LINE_PTR));
        assertEquals("console=ttyS0 panic=-1", m.cString(BootLayout.CMDLINE));

        long rdAddr = m.u32(zp + BzImage.RAMDISK_IMAGE);
        assertEquals(rd.length, m.u32(zp + BzImage.RAMDISK_SIZE));
        assertEquals(l.initrdAddress(), rdAddr);
        assertEquals(0, rdAddr % BootLayout.PAGE_SIZE);
        assertTrue(rdAddr + rd.length <= RAM && RAM - (rdAddr + rd.length) < BootLayout.PAGE_SIZE,
                "initrd at the top of RAM: " + Long.toHexString(rdAddr));
        assertArrayEquals(rd, m.bytes(rdAddr, rd.length));

        // e820 as the kernel reads it: count at 0x1E8, 20-byte packed entries at 0x2D0.
        List<E820Table.Entry> expected = E820Table.forPc(RAM).entries();
        assertEquals(expected.size(), m.u8(zp + ZeroPage.E820_ENTRIES));
        for (int i = 0; i < expected.size(); i++) {
            long e = zp + ZeroPage.E820_TABLE + i * 20L;
            assertEquals(expected.get(i), new E820Table.Entry(m.u64(e), m.u64(e + 8), (int) m.u32(e + 16)));
        }

        // The protected-mode code at pref_address.
        assertEquals(s.prefAddress, l.kernelAddress());
        assertArrayEquals(java.util.Arrays.copyOfRange(file, k.setupSize(), file.length),
                m.bytes(l.kernelAddress(), file.length - k.setupSize()));
        assertEquals(l.kernelAddress(), m.u32(zp + BzImage.CODE32_START));
    }

    @Test
    void cpuStartsInLongModeAtTheSixtyFourBitEntry() throws Exception {
        SparseMemory m = new SparseMemory(RAM, 0);
        LinuxLoader.Loaded l = LinuxLoader.load(m, RAM, BzImage.parse("k", new SyntheticBzImage().build()), null, "");
        InitialCpuState c = l.cpu();
        assertEquals(0x100_0200L, c.rip());
        assertEquals(0xFC, m.u8(c.rip()), "cld at startup_64");
        assertEquals(BootLayout.ZERO_PAGE, c.rsi());
        assertTrue(c.longMode());
        assertEquals(ControlBits.CR0_PE | ControlBits.CR0_PG, c.cr0() & (ControlBits.CR0_PE | ControlBits.CR0_PG));
        assertEquals(ControlBits.CR4_PAE, c.cr4() & ControlBits.CR4_PAE);
        assertEquals(ControlBits.EFER_LME | ControlBits.EFER_LMA, c.efer());
        assertEquals(0, c.rflags() & (1 << 9), "interrupts off");
        assertEquals(0, m.u32(BootLayout.ZERO_PAGE + BzImage.RAMDISK_IMAGE), "no initrd, no ramdisk_image");

        // boot.rst: CS = __BOOT_CS (0x10), DS/ES/SS = __BOOT_DS (0x18), 4 GiB flat.
        assertEquals(0x10, c.cs().selector());
        for (SegmentState s : List.of(c.ds(), c.es(), c.ss())) {
            assertEquals(0x18, s.selector());
            assertEquals(0, s.base());
            assertEquals(0xFFFF_FFFFL, s.limit());
        }
        // The GDT in memory holds what the hidden parts say, with the kernel's own encodings
        // (arch/x86/boot/compressed/head_64.S: 0x00af9a000000ffff, 0x00cf92000000ffff; ours accessed).
        assertEquals(BootLayout.GDT, c.gdtrBase());
        assertEquals(0x00AF_9B00_0000_FFFFL, m.u64(c.gdtrBase() + 0x10));
        assertEquals(0x00CF_9300_0000_FFFFL, m.u64(c.gdtrBase() + 0x18));
        assertEquals(c.cs(), SegmentState.fromDescriptor(0x10, m.u64(c.gdtrBase() + 0x10)));
        assertEquals(c.ds(), SegmentState.fromDescriptor(0x18, m.u64(c.gdtrBase() + 0x18)));
        assertTrue(c.gdtrLimit() >= 0x1F);
    }

    /** Walks the tables the way the MMU does (SDM vol. 3A §4.5) and expects identity. */
    @Test
    void pageTablesIdentityMapTheFirstFourGiB() throws Exception {
        SparseMemory m = new SparseMemory(RAM, 0);
        long cr3 = LinuxLoader.load(m, RAM, BzImage.parse("k", new SyntheticBzImage().build()), null, "").cpu().cr3();
        for (long va : new long[] {0, 0x7000, 0x100_0200L, 0x1FFF_FFFFL, 0xBFFF_F000L, 0xFEE0_0000L, 0xFFFF_FFFFL}) {
            long pml4e = m.u64((cr3 & ~0xFFFL) + ((va >>> 39) & 511) * 8);
            assertEquals(3, pml4e & 3, "PML4E present+writable");
            long pdpte = m.u64((pml4e & 0xF_FFFF_FFFF_F000L) + ((va >>> 30) & 511) * 8);
            assertEquals(3, pdpte & 3);
            assertEquals(0, pdpte & 0x80, "not a 1 GiB page");
            long pde = m.u64((pdpte & 0xF_FFFF_FFFF_F000L) + ((va >>> 21) & 511) * 8);
            assertEquals(0x83, pde & 0x83, "2 MiB page, present, writable");
            long pa = (pde & 0xF_FFFF_FFE0_0000L) | (va & 0x1F_FFFF);
            assertEquals(va, pa, "identity at " + Long.toHexString(va));
        }
    }

    @Test
    void initrdStaysBelowInitrdAddrMax() throws Exception {
        SyntheticBzImage s = new SyntheticBzImage();
        s.initrdAddrMax = 0x37FF_FFFF; // protocol < 2.03 kernels' limit, still seen in the field
        long ram = 2 * BootLayout.GiB;
        SparseMemory m = new SparseMemory(ram, 0);
        LinuxLoader.Loaded l = LinuxLoader.load(m, ram, BzImage.parse("k", s.build()), initrd(5000), "x");
        assertTrue(l.initrdAddress() + 5000 <= 0x3800_0000L);
        assertTrue(l.initrdAddress() >= 0x3800_0000L - 2 * BootLayout.PAGE_SIZE, Long.toHexString(l.initrdAddress()));
    }

    @Test
    void ramAboveTheHoleGoesIntoTheMapButKernelAndInitrdStayLow() throws Exception {
        long ram = 5 * BootLayout.GiB;
        SparseMemory m = new SparseMemory(ram, 0);
        LinuxLoader.Loaded l = LinuxLoader.load(m, ram, BzImage.parse("k", new SyntheticBzImage().build()), initrd(4096), "");
        assertTrue(l.initrdAddress() + 4096 <= BootLayout.MMIO_HOLE_START);
        E820Table.Entry last = l.e820().entries().get(l.e820().entries().size() - 1);
        assertEquals(new E820Table.Entry(BootLayout.HIGH_RAM_START, ram - BootLayout.MMIO_HOLE_START, E820Table.TYPE_RAM), last);
    }

    @Test
    void relocatableKernelMovesDownWhenRamIsSmall() throws Exception {
        SyntheticBzImage s = new SyntheticBzImage();
        s.initSize = 12 * BootLayout.MiB;
        long ram = 24 * BootLayout.MiB;
        LinuxLoader.Loaded l = LinuxLoader.load(new SparseMemory(ram, 0), ram, BzImage.parse("k", s.build()), null, "");
        assertEquals(0x20_0000, l.kernelAddress(), "lowest 2 MiB-aligned address above 1 MiB");
        assertEquals(0x20_0200, l.cpu().rip());

        s.relocatable = false;
        BootException e = assertThrows(BootException.class,
                () -> LinuxLoader.load(new SparseMemory(ram, 0), ram, BzImage.parse("k", s.build()), null, ""));
        assertTrue(e.getMessage().contains("more memory"), e.getMessage());
    }

    @Test
    void whatDoesNotFitFailsCleanly() throws Exception {
        BzImage k = BzImage.parse("k", new SyntheticBzImage().build());
        BootException longCmd = assertThrows(BootException.class,
                () -> LinuxLoader.load(new SparseMemory(RAM, 0), RAM, k, null, "x".repeat(2048)));
        assertTrue(longCmd.getMessage().contains("2047"), longCmd.getMessage());
        long small = 24 * BootLayout.MiB;
        BootException bigInitrd = assertThrows(BootException.class,
                () -> LinuxLoader.load(new SparseMemory(small, 0), small, k, initrd(6 << 20), ""));
        assertTrue(bigInitrd.getMessage().contains("initrd"), bigInitrd.getMessage());
        assertThrows(BootException.class, () -> LinuxLoader.load(new SparseMemory(RAM, 0), 1 << 20, k, null, ""));
    }

    @Test
    void realCloudKernelAndInitramfs() throws Exception {
        Optional<GuestImage> g = CachedGuest.get();
        assumeTrue(g.isPresent(), "no cached default guest");
        byte[] file = Files.readAllBytes(g.get().kernel());
        byte[] rd = Files.readAllBytes(g.get().initrd());
        BzImage k = BzImage.parse("vmlinuz", file);
        SparseMemory m = new SparseMemory(RAM, 0);
        LinuxLoader.Loaded l = LinuxLoader.load(m, RAM, k, rd, g.get().append());
        System.out.printf("real kernel: %s; loaded at 0x%x, entry 0x%x, initrd %d KiB at 0x%x%n", k, l.kernelAddress(),
                l.cpu().rip(), rd.length / 1024, l.initrdAddress());
        assertEquals(0xFC, m.u8(l.cpu().rip()), "cld at startup_64");
        assertEquals(0xFA, m.u8(l.cpu().rip() + 1), "cli at startup_64");
        assertTrue(l.initrdAddress() >= l.kernelAddress() + k.initSize());
        assertArrayEquals(java.util.Arrays.copyOf(rd, 4096), m.bytes(l.initrdAddress(), 4096));
        assertEquals(g.get().append(), m.cString(BootLayout.CMDLINE));
        assertEquals(k.protocol(), m.u16(BootLayout.ZERO_PAGE + BzImage.VERSION));
    }
}
