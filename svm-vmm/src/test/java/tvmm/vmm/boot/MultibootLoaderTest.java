package tvmm.vmm.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tvmm.cpu.mmu.ControlBits;

class MultibootLoaderTest {
    private static final long RAM = 128 * BootLayout.MiB;

    private static MultibootLoader.Module module(String cmdline, int size) {
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) cmdline.charAt(0));
        return new MultibootLoader.Module(b, cmdline);
    }

    @Test
    void elfKernelSegmentsModulesAndInformation() throws Exception {
        byte[] file = SyntheticMultiboot.elf(MultibootHeader.PAGE_ALIGN | MultibootHeader.MEMORY_INFO, 0, 1);
        SparseMemory m = new SparseMemory(RAM, 0xCC); // 0xCC everywhere: bss clearing must show
        MultibootLoader.Loaded l = MultibootLoader.load(m, RAM, "k.elf", file, "k.elf verbose=1",
                List.of(module("initrd.img root=x", 5000), module("second", 1)));

        assertArrayEquals(java.util.Arrays.copyOfRange(file, 0x1000, 0x1000 + SyntheticMultiboot.TEXT_SIZE),
                m.bytes(SyntheticMultiboot.TEXT, SyntheticMultiboot.TEXT_SIZE));
        assertArrayEquals(java.util.Arrays.copyOfRange(file, 0x1800, 0x1800 + SyntheticMultiboot.DATA_FILE),
                m.bytes(SyntheticMultiboot.DATA, SyntheticMultiboot.DATA_FILE));
        for (long a = SyntheticMultiboot.DATA + SyntheticMultiboot.DATA_FILE;
                a < SyntheticMultiboot.DATA + SyntheticMultiboot.DATA_MEM; a += 97) {
            assertEquals(0, m.u8(a), "bss zeroed at " + Long.toHexString(a));
        }
        assertEquals(SyntheticMultiboot.DATA + SyntheticMultiboot.DATA_MEM, l.kernelEnd());

        // §3.2 machine state.
        InitialCpuState c = l.cpu();
        assertEquals(0x2BAD_B002L, c.rax());
        assertEquals(l.infoAddress(), c.rbx());
        assertEquals(SyntheticMultiboot.TEXT + 0x20, c.rip());
        assertEquals(ControlBits.CR0_PE, c.cr0() & (ControlBits.CR0_PE | ControlBits.CR0_PG));
        assertEquals(0, c.efer());
        assertTrue(!c.longMode());
        assertEquals(0, c.rflags() & (1 << 9) | c.rflags() & (1 << 17), "IF and VM clear");
        assertEquals(SegmentState.ATTR_DB, c.cs().attributes() & (SegmentState.ATTR_DB | SegmentState.ATTR_L), "32-bit CS");
        assertEquals(0xFFFF_FFFFL, c.cs().limit());
        assertEquals(c.cs(), SegmentState.fromDescriptor(c.cs().selector(), m.u64(c.gdtrBase() + c.cs().selector())));
        assertEquals(c.ds(), SegmentState.fromDescriptor(c.ds().selector(), m.u64(c.gdtrBase() + c.ds().selector())));

        // §3.3 boot information.
        long info = l.infoAddress();
        long flags = m.u32(info);
        assertEquals(MultibootLoader.INFO_MEMORY | MultibootLoader.INFO_CMDLINE | MultibootLoader.INFO_MODS
                | MultibootLoader.INFO_MEM_MAP | MultibootLoader.INFO_BOOT_LOADER_NAME, flags);
        assertEquals(639, m.u32(info + 4), "mem_lower: 639 KiB below the EBDA");
        assertEquals((RAM - BootLayout.MiB) / 1024, m.u32(info + 8), "mem_upper: KiB from 1 MiB");
        assertEquals("k.elf verbose=1", m.cString(m.u32(info + 16)));
        assertEquals("tvmm", m.cString(m.u32(info + 64)));

        assertEquals(2, m.u32(info + 20));
        long mods = m.u32(info + 24);
        long m0 = m.u32(mods);
        assertEquals(0, m0 % 4096, "page-aligned modules");
        assertTrue(m0 >= l.kernelEnd());
        assertEquals(m0 + 5000, m.u32(mods + 4));
        assertEquals("initrd.img root=x", m.cString(m.u32(mods + 8)));
        assertEquals('i', m.u8(m0 + 4999));
        long m1 = m.u32(mods + 16);
        assertEquals(0, m1 % 4096);
        assertTrue(m1 >= m0 + 5000);
        assertEquals("second", m.cString(m.u32(mods + 24)));

        // The memory map, entry by entry, equals the e820 map; size fields exclude themselves.
        List<E820Table.Entry> e820 = l.e820().entries();
        assertEquals(e820.size() * 24, m.u32(info + 44));
        long at = m.u32(info + 48);
        for (E820Table.Entry e : e820) {
            assertEquals(20, m.u32(at));
            assertEquals(e, new E820Table.Entry(m.u64(at + 4), m.u64(at + 12), (int) m.u32(at + 20)));
            at += 24;
        }
    }

    @Test
    void entryLinkedHighIsTranslatedToItsLoadAddress() throws Exception {
        byte[] file = SyntheticMultiboot.elf(MultibootHeader.MEMORY_INFO, 0xC000_0000L, 1);
        MultibootLoader.Loaded l = MultibootLoader.load(new SparseMemory(RAM, 0), RAM, "high", file, "", List.of());
        assertEquals(SyntheticMultiboot.TEXT + 0x20, l.cpu().rip());
    }

    @Test
    void aoutKludgeLoadsByHeaderAddresses() throws Exception {
        byte[] file = SyntheticMultiboot.aout();
        SparseMemory m = new SparseMemory(RAM, 0xCC);
        MultibootLoader.Loaded l = MultibootLoader.load(m, RAM, "flat.bin", file, null, List.of());
        assertArrayEquals(file, m.bytes(0x200000, file.length));
        assertEquals(0, m.u8(0x201000));
        assertEquals(0, m.u8(0x202FFF));
        assertEquals(0xCC, m.u8(0x203000), "nothing past bss_end_addr");
        assertEquals(0x200080, l.cpu().rip());
        assertEquals(0x200000, l.kernelStart());
        assertEquals(0x203000, l.kernelEnd());
        assertEquals("", m.cString(m.u32(l.infoAddress() + 16)));
    }

    private static String reject(byte[] file) {
        return assertThrows(BootException.class,
                () -> MultibootLoader.load(new SparseMemory(RAM, 0), RAM, "k", file, "", List.of())).getMessage();
    }

    @Test
    void badKernelsAreRefusedWithOneLine() {
        assertTrue(reject(new byte[4096]).contains("no multiboot header"));
        byte[] badSum = SyntheticMultiboot.elf(0, 0, 1);
        badSum[0x1008] ^= 1;
        assertTrue(reject(badSum).contains("no multiboot header"));
        assertTrue(reject(SyntheticMultiboot.elf(1 << 3, 0, 1)).contains("does not know"));
        assertTrue(reject(SyntheticMultiboot.elf(0, 0, 2)).contains("64-bit ELF"));
        // Video mode wishes are accepted (text mode is a valid answer, §3.1.4).
        SparseMemory m = new SparseMemory(RAM, 0);
        byte[] video = SyntheticMultiboot.elf(MultibootHeader.VIDEO_MODE, 0, 1);
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> MultibootLoader.load(m, RAM, "v", video, "", List.of()));

        byte[] low = SyntheticMultiboot.aout();
        ByteBuffer b = ByteBuffer.wrap(low).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x40 + 12, 0x10040).putInt(0x40 + 16, 0x10000).putInt(0x40 + 20, 0x11000).putInt(0x40 + 24, 0)
                .putInt(0x40 + 28, 0x10080);
        assertTrue(reject(low).contains("boot structures"));

        byte[] entryOutside = SyntheticMultiboot.aout();
        ByteBuffer.wrap(entryOutside).order(ByteOrder.LITTLE_ENDIAN).putInt(0x40 + 28, 0x900000);
        assertTrue(reject(entryOutside).contains("entry point"));

        BootException tooBig = assertThrows(BootException.class, () -> MultibootLoader.load(new SparseMemory(RAM, 0), RAM,
                "k", SyntheticMultiboot.aout(), "", List.of(module("huge", (int) RAM))));
        assertTrue(tooBig.getMessage().contains("not guest RAM"), tooBig.getMessage());
    }

    /** Kernel files are user input: corruption ends in BootException, never another exception. */
    @Test
    void corruptKernelsNeverEscapeAsOtherExceptions() {
        Random r = new Random(777);
        byte[][] seeds = {SyntheticMultiboot.elf(MultibootHeader.MEMORY_INFO, 0, 1), SyntheticMultiboot.aout()};
        for (int i = 0; i < 2000; i++) {
            byte[] b = seeds[i % 2].clone();
            int region = i % 2 == 0 ? 0x90 : 0x60; // ELF and program headers / the a.out-kludge header
            for (int n = 1 + r.nextInt(3); n > 0; n--) {
                b[r.nextInt(region)] = (byte) r.nextInt(256);
            }
            try {
                MultibootLoader.load(new SparseMemory(RAM, 0), RAM, "fuzz", b, "", List.of());
            } catch (BootException expected) {
                assertTrue(!expected.getMessage().contains("\n"));
            }
        }
    }

    /** An ELF made by the GNU toolchain (nasm + ld), not by our own writer. */
    @Test
    void elfBuiltByNasmAndLd() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/nasm")) && Files.isExecutable(Path.of("/usr/bin/ld")),
                "nasm/ld not installed: GNU-built ELF check skipped");
        Path dir = Files.createTempDirectory("tvmm-mb");
        try {
            Files.writeString(dir.resolve("k.asm"), """
                    bits 32
                    section .multiboot
                    align 4
                        dd 0x1BADB002, 0x00000003, -(0x1BADB002 + 0x00000003)
                    section .text
                    global _start
                    _start:
                        mov esp, stack_top
                        mov dx, 0xf4
                        out dx, al
                        hlt
                    section .bss
                    align 16
                        resb 8192
                    stack_top:
                    """);
            Files.writeString(dir.resolve("k.ld"), """
                    ENTRY(_start)
                    SECTIONS {
                      . = 0x100000;
                      .text : { *(.multiboot) *(.text) }
                      .bss : { *(.bss) }
                    }
                    """);
            run(dir, "nasm", "-f", "elf32", "-o", "k.o", "k.asm");
            run(dir, "ld", "-m", "elf_i386", "-T", "k.ld", "-o", "k.elf", "k.o");
            byte[] file = Files.readAllBytes(dir.resolve("k.elf"));
            SparseMemory m = new SparseMemory(RAM, 0xCC);
            MultibootLoader.Loaded l = MultibootLoader.load(m, RAM, "k.elf", file, "", List.of());
            assertEquals(0x100000, l.kernelStart());
            long eEntry = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(24) & 0xFFFF_FFFFL;
            assertEquals(eEntry, l.cpu().rip(), "ld's e_entry (_start)");
            assertEquals(0xBC, m.u8(l.cpu().rip()), "mov esp, imm32");
            long stackTop = m.u32(l.cpu().rip() + 1);
            assertTrue(stackTop <= l.kernelEnd() && stackTop - 8192 >= l.kernelStart());
            assertEquals(0, m.u8(stackTop - 1), "bss cleared");
        } finally {
            try (var s = Files.list(dir)) {
                s.forEach(p -> p.toFile().delete());
            }
            Files.delete(dir);
        }
    }

    private static void run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
    }
}
