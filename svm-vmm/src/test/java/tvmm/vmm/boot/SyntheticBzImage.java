package tvmm.vmm.boot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds bzImage files for tests, field by field as boot.rst lays out the setup header,
 * defaulting to what a current x86-64 kernel (protocol 2.15) has.
 */
final class SyntheticBzImage {
    int setupSects = 4;
    int version = 0x020F;
    int loadflags = BzImage.LOADED_HIGH;
    int xloadflags = BzImage.XLF_KERNEL_64 | BzImage.XLF_CAN_BE_LOADED_ABOVE_4G;
    long kernelAlignment = 0x20_0000;
    boolean relocatable = true;
    long prefAddress = 0x100_0000;
    long cmdlineSize = 2047;
    long initrdAddrMax = 0x7FFF_FFFF;
    int payloadSize = 64 * 1024;
    long initSize = 4 * 1024 * 1024;
    int jump = 0x6A; // header ends at 0x26C, as in Linux 6.x
    Integer syssizeOverride;

    byte[] build() {
        int setup = (setupSects + 1) * 512;
        ByteBuffer b = ByteBuffer.allocate(setup + payloadSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put(BzImage.SETUP_SECTS, (byte) setupSects);
        b.putInt(BzImage.SYSSIZE, syssizeOverride != null ? syssizeOverride : payloadSize / 16);
        b.putShort(BzImage.BOOT_FLAG, (short) 0xAA55);
        b.put(BzImage.JUMP, (byte) 0xEB);
        b.put(BzImage.JUMP + 1, (byte) jump);
        b.putInt(BzImage.HEADER, (int) BzImage.HDRS_MAGIC);
        b.putShort(BzImage.VERSION, (short) version);
        b.put(BzImage.LOADFLAGS, (byte) loadflags);
        b.putInt(BzImage.CODE32_START, 0x100000);
        b.putInt(BzImage.INITRD_ADDR_MAX, (int) initrdAddrMax);
        b.putInt(BzImage.KERNEL_ALIGNMENT, (int) kernelAlignment);
        b.put(BzImage.RELOCATABLE_KERNEL, (byte) (relocatable ? 1 : 0));
        b.put(BzImage.RELOCATABLE_KERNEL + 1, (byte) 21); // min_alignment: 2 MiB
        b.putShort(BzImage.XLOADFLAGS, (short) xloadflags);
        b.putInt(BzImage.CMDLINE_SIZE, (int) cmdlineSize);
        b.putLong(BzImage.PREF_ADDRESS, prefAddress);
        b.putInt(BzImage.INIT_SIZE, (int) initSize);
        // Payload: a recognizable pattern; "cld; cli" at the 64-bit entry like head_64.S.
        for (int i = 0; i < payloadSize; i++) {
            b.put(setup + i, (byte) (i * 7 + 3));
        }
        if (payloadSize > 0x202) {
            b.put(setup + 0x200, (byte) 0xFC);
            b.put(setup + 0x201, (byte) 0xFA);
        }
        return b.array();
    }
}
