package tvmm.vmm.boot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * struct boot_params, the "zero page" a 64-bit Linux entry receives in RSI
 * (Documentation/arch/x86/zero-page.rst and boot.rst). Starts all zero (so the
 * sentinel at 0x1EF is 0 and the kernel trusts every field), takes the kernel's setup
 * header, and gets what a boot loader must fill in: loader id, load flags, command
 * line, initrd, the e820 map and optionally the RSDP address.
 */
final class ZeroPage {
    static final int SIZE = 4096;
    static final int ACPI_RSDP_ADDR = 0x070;
    static final int EXT_RAMDISK_IMAGE = 0x0C0;
    static final int EXT_RAMDISK_SIZE = 0x0C4;
    static final int EXT_CMD_LINE_PTR = 0x0C8;
    static final int E820_ENTRIES = 0x1E8;
    static final int SENTINEL = 0x1EF;
    static final int E820_TABLE = 0x2D0;
    /** boot.rst: "0xFF: undefined" (no assigned boot loader id). */
    static final int LOADER_UNDEFINED = 0xFF;

    private ZeroPage() {
    }

    static byte[] build(BzImage kernel, long kernelAddress, long cmdlineAddress, long initrdAddress, long initrdSize,
            E820Table e820, long rsdpAddress) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(BzImage.SETUP_SECTS, kernel.setupHeader());

        b.put(BzImage.TYPE_OF_LOADER, (byte) LOADER_UNDEFINED);
        int flags = kernel.loadflags();
        // No real-mode setup code runs, so there is no setup heap to offer.
        flags &= ~BzImage.CAN_USE_HEAP;
        // KEEP_SEGMENTS only concerns the 32-bit entry (boot.rst: obsolete since 5.7 when
        // it was honoured at all); the 64-bit entry loads its own segments. Cleared so a
        // kernel taking its 32-bit path reloads them from our GDT.
        flags &= ~BzImage.KEEP_SEGMENTS;
        // Early messages stay on: tvmm compares them with the same boot under QEMU.
        flags &= ~BzImage.QUIET_FLAG;
        // KASLR_FLAG is an output of the decompressor, not a request.
        flags &= ~BzImage.KASLR_FLAG;
        b.put(BzImage.LOADFLAGS, (byte) flags);
        // code32_start only matters to a 32-bit entry; keep it truthful.
        b.putInt(BzImage.CODE32_START, (int) kernelAddress);

        b.putInt(BzImage.CMD_LINE_PTR, (int) cmdlineAddress);
        b.putInt(EXT_CMD_LINE_PTR, (int) (cmdlineAddress >>> 32));
        b.putInt(BzImage.RAMDISK_IMAGE, (int) initrdAddress);
        b.putInt(EXT_RAMDISK_IMAGE, (int) (initrdAddress >>> 32));
        b.putInt(BzImage.RAMDISK_SIZE, (int) initrdSize);
        b.putInt(EXT_RAMDISK_SIZE, (int) (initrdSize >>> 32));
        b.putLong(ACPI_RSDP_ADDR, rsdpAddress);

        var entries = e820.entries();
        // E820Table refuses more entries than fit; the check here keeps this class honest on its own.
        if (entries.size() > E820Table.MAX_ENTRIES) {
            throw new IllegalStateException("e820 table larger than the zero page holds");
        }
        b.put(E820_ENTRIES, (byte) entries.size());
        int at = E820_TABLE;
        for (E820Table.Entry e : entries) {
            b.putLong(at, e.address());
            b.putLong(at + 8, e.size());
            b.putInt(at + 16, e.type());
            at += E820Table.ENTRY_SIZE;
        }
        b.put(SENTINEL, (byte) 0);
        return b.array();
    }
}
