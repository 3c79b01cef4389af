package tvmm.vmm.boot;

import java.nio.charset.StandardCharsets;
import tvmm.cpu.mmu.ControlBits;
import tvmm.cpu.state.Flags;

/**
 * Linux's 64-bit boot protocol (Documentation/arch/x86/boot.rst, "64-bit Boot
 * Protocol"), the way QEMU's and Firecracker's direct kernel boot do it: the bzImage's
 * protected-mode code at its preferred address, the initrd at the top of low RAM, the
 * command line, boot_params, identity page tables and a flat GDT; the CPU starts in
 * 64-bit mode at load address + 0x200 with RSI = boot_params. The kernel's own
 * decompressor then runs as guest code.
 */
public final class LinuxLoader {
    private LinuxLoader() {
    }

    /** Where everything went and the CPU state to start from. */
    public record Loaded(InitialCpuState cpu, BzImage kernel, long kernelAddress, long initrdAddress, long initrdSize,
            long cmdlineAddress, E820Table e820) {
    }

    /** Loads into a PC of {@code ramBytes} of RAM (see {@link E820Table#forPc}); {@code initrd} may be null. */
    public static Loaded load(GuestPhysicalMemory memory, long ramBytes, BzImage kernel, byte[] initrd, String cmdline)
            throws BootException {
        return load(memory, E820Table.forPc(ramBytes), kernel, initrd, cmdline, 0);
    }

    /**
     * Loads with an explicit memory map. {@code rsdpAddress} goes to boot_params.acpi_rsdp_addr
     * (0: the kernel scans 0xE0000-0xFFFFF for the RSDP as on a PC).
     */
    public static Loaded load(GuestPhysicalMemory memory, E820Table e820, BzImage kernel, byte[] initrd,
            String cmdline, long rsdpAddress) throws BootException {
        // Extended memory from 1 MiB up to the first gap: kernel and initrd go there.
        long lowEnd = e820.ramEndFrom(BootLayout.HIGH_MEMORY);
        long kernelAddress = placeKernel(kernel, lowEnd);
        long kernelEnd = kernelAddress + Math.max(kernel.initSize(), kernel.payloadFileSize());

        byte[] cmd = (cmdline == null ? "" : cmdline).getBytes(StandardCharsets.US_ASCII);
        long max = Math.min(kernel.cmdlineSize(), BootLayout.CMDLINE_MAX - 1);
        if (cmd.length > max) {
            throw new BootException("kernel command line of " + cmd.length + " bytes is longer than the "
                    + max + " the kernel accepts");
        }

        long initrdAddress = 0;
        long initrdSize = 0;
        if (initrd != null && initrd.length > 0) {
            initrdSize = initrd.length;
            // Highest page below both the kernel's limit and the end of low RAM, as QEMU does.
            long limit = Math.min(kernel.initrdAddrMax() + 1, lowEnd);
            initrdAddress = (limit - initrdSize) & -BootLayout.PAGE_SIZE;
            if (initrdAddress < kernelEnd) {
                throw new BootException(String.format("initrd of %d KiB does not fit between the kernel (ends at"
                        + " 0x%x) and 0x%x: give the guest more memory", initrdSize / 1024, kernelEnd, limit));
            }
        }

        kernel.writeKernel(memory, kernelAddress);
        if (initrdSize > 0) {
            memory.write(initrdAddress, initrd);
        }
        byte[] cmdNul = new byte[cmd.length + 1];
        System.arraycopy(cmd, 0, cmdNul, 0, cmd.length);
        memory.write(BootLayout.CMDLINE, cmdNul);
        memory.write(BootLayout.ZERO_PAGE,
                ZeroPage.build(kernel, kernelAddress, BootLayout.CMDLINE, initrdAddress, initrdSize, e820, rsdpAddress));
        int gdtLimit = FlatGdt.write(memory);
        long cr3 = IdentityPageTables.write(memory);

        SegmentState data = SegmentState.data(FlatGdt.DATA_SELECTOR);
        InitialCpuState cpu = new InitialCpuState(kernelAddress + BzImage.ENTRY_64_OFFSET, BootLayout.BOOT_STACK_TOP,
                0, 0, BootLayout.ZERO_PAGE, Flags.FIXED1,
                ControlBits.CR0_PE | ControlBits.CR0_ET | ControlBits.CR0_PG, cr3, ControlBits.CR4_PAE,
                ControlBits.EFER_LME | ControlBits.EFER_LMA, BootLayout.GDT, gdtLimit, 0, 0,
                SegmentState.code64(FlatGdt.CODE64_SELECTOR), data, data, data, data, data,
                SegmentState.bootTaskRegister(), SegmentState.unusable());
        return new Loaded(cpu, kernel, kernelAddress, initrdAddress, initrdSize, BootLayout.CMDLINE, e820);
    }

    /**
     * The kernel's preferred address; a relocatable kernel that does not fit there moves
     * down to the lowest aligned address above 1 MiB. Either way the whole init_size
     * range must be RAM below {@code lowEnd} and inside the identity map.
     */
    private static long placeKernel(BzImage kernel, long lowEnd) throws BootException {
        long need = Math.max(kernel.initSize(), kernel.payloadFileSize());
        long limit = Math.min(lowEnd, BootLayout.IDENTITY_MAPPED);
        if (kernel.prefAddress() + need <= limit) {
            return kernel.prefAddress();
        }
        if (kernel.relocatable()) {
            long align = kernel.kernelAlignment();
            long low = (BootLayout.HIGH_MEMORY + align - 1) & -align;
            if (low + need <= limit) {
                return low;
            }
        }
        throw new BootException(String.format("%s needs %d MiB of RAM from 0x%x to decompress, the guest has RAM"
                + " up to 0x%x: give it more memory (-m)", kernel.name(), (need + BootLayout.MiB - 1) / BootLayout.MiB,
                kernel.prefAddress(), lowEnd));
    }
}
