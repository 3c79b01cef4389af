package tvmm.vmm.boot;

/**
 * Little-endian reads from a kernel file that may be anything (truncated, not a kernel
 * at all): a read past the end becomes a {@link BootException} naming the file and what
 * was being read, never an ArrayIndexOutOfBoundsException.
 */
final class ImageBytes {
    private final String name;
    private final byte[] bytes;

    ImageBytes(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
    }

    String name() {
        return name;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return bytes.length;
    }

    int u8(long offset, String what) throws BootException {
        check(offset, 1, what);
        return bytes[(int) offset] & 0xFF;
    }

    int u16(long offset, String what) throws BootException {
        check(offset, 2, what);
        int o = (int) offset;
        return (bytes[o] & 0xFF) | (bytes[o + 1] & 0xFF) << 8;
    }

    long u32(long offset, String what) throws BootException {
        check(offset, 4, what);
        int o = (int) offset;
        return (bytes[o] & 0xFFL) | (bytes[o + 1] & 0xFFL) << 8 | (bytes[o + 2] & 0xFFL) << 16
                | (bytes[o + 3] & 0xFFL) << 24;
    }

    long u64(long offset, String what) throws BootException {
        return u32(offset, what) | u32(offset + 4, what) << 32;
    }

    /** Fails unless [offset, offset + length) lies inside the file. */
    void check(long offset, long length, String what) throws BootException {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new BootException(name + ": truncated (" + what + " at offset 0x" + Long.toHexString(offset)
                    + " is past the end of the " + bytes.length + "-byte file)");
        }
    }

    boolean startsWith(int offset, byte... magic) {
        if (offset + magic.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
