package tvmm.images.linux;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a cpio archive in the "newc" format (magic {@code 070701}), the only format the
 * Linux kernel unpacks as an initramfs (Documentation/driver-api/early-userspace/
 * buffer-format.rst). Each entry is a 110-byte ASCII header of thirteen 8-digit hex
 * fields, the NUL-terminated name padded to a multiple of 4, then the data padded to 4.
 * The archive ends with the entry {@code TRAILER!!!}.
 *
 * <p>Entries get consecutive inode numbers, uid/gid 0 and a fixed mtime so the same
 * input always gives the same bytes (the cache key can then name the content).
 * Not thread-safe; {@link #finish()} writes the trailer but does not close the stream.
 */
public final class CpioNewcWriter {
    /** File type bits of st_mode (POSIX). */
    public static final int S_IFDIR = 0040000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFCHR = 0020000;

    private static final String MAGIC = "070701";
    private static final String TRAILER = "TRAILER!!!";

    private final OutputStream out;
    private final long mtime;
    private long written;
    private int nextInode = 1;
    private boolean finished;

    public CpioNewcWriter(OutputStream out, long mtime) {
        this.out = out;
        this.mtime = mtime;
    }

    /** A directory; {@code path} has no leading slash (the kernel accepts both). */
    public void directory(String path, int permissions) throws IOException {
        entry(path, S_IFDIR | (permissions & 07777), 2, 0, 0, new byte[0]);
    }

    public void file(String path, int permissions, byte[] content) throws IOException {
        entry(path, S_IFREG | (permissions & 07777), 1, 0, 0, content);
    }

    /** A symbolic link: the data of the entry is the link target (no NUL). */
    public void symlink(String path, String target) throws IOException {
        entry(path, S_IFLNK | 0777, 1, 0, 0, target.getBytes(StandardCharsets.UTF_8));
    }

    public void characterDevice(String path, int permissions, int major, int minor) throws IOException {
        entry(path, S_IFCHR | (permissions & 07777), 1, major, minor, new byte[0]);
    }

    /** Writes the trailer entry. The archive is complete afterwards; no more entries. */
    public void finish() throws IOException {
        if (!finished) {
            writeEntry(TRAILER, 0, 0, 1, 0, 0, new byte[0]);
            finished = true;
        }
    }

    /** Bytes written so far (the archive size after {@link #finish()}). */
    public long size() {
        return written;
    }

    private void entry(String path, int mode, int nlink, int rdevMajor, int rdevMinor, byte[] data)
            throws IOException {
        if (finished) {
            throw new IllegalStateException("cpio archive already finished");
        }
        if (path.isEmpty() || path.equals(TRAILER) || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("bad cpio entry name: '" + path + "'");
        }
        writeEntry(path, nextInode++, mode, nlink, rdevMajor, rdevMinor, data);
    }

    private void writeEntry(String name, int inode, int mode, int nlink, int rdevMajor, int rdevMinor,
            byte[] data) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder(110).append(MAGIC);
        hex(h, inode);
        hex(h, mode);
        hex(h, 0); // uid
        hex(h, 0); // gid
        hex(h, nlink);
        hex(h, mtime);
        hex(h, data.length);
        hex(h, 0); // devmajor: the device holding the file, meaningless here
        hex(h, 0); // devminor
        hex(h, rdevMajor);
        hex(h, rdevMinor);
        hex(h, nameBytes.length + 1); // namesize counts the NUL
        hex(h, 0); // check: only used by the "crc" variant 070702
        write(h.toString().getBytes(StandardCharsets.US_ASCII));
        write(nameBytes);
        write(new byte[] {0});
        pad();
        write(data);
        pad();
    }

    private static void hex(StringBuilder h, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("cpio field out of range: " + value);
        }
        String s = Long.toHexString(value).toUpperCase();
        h.append("0".repeat(8 - s.length())).append(s);
    }

    private void pad() throws IOException {
        int n = (int) ((4 - (written & 3)) & 3);
        write(new byte[n]);
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
        written += b.length;
    }
}
