package tvmm.images.linux;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: reads a newc cpio archive back, following buffer-format.rst independently of the writer. */
final class CpioNewcReader {
    record Entry(String name, int inode, int mode, int nlink, long mtime, int rdevMajor, int rdevMinor, byte[] data) {
        int type() {
            return mode & 0170000;
        }
    }

    /** Every entry up to and including the trailer; fails on bad magic or truncated data. */
    static List<Entry> read(InputStream in) throws IOException {
        List<Entry> entries = new ArrayList<>();
        long pos = 0;
        while (true) {
            byte[] header = in.readNBytes(110);
            if (header.length != 110) {
                throw new IOException("truncated header at " + pos);
            }
            String h = new String(header, StandardCharsets.US_ASCII);
            if (!h.startsWith("070701")) {
                throw new IOException("bad magic at " + pos + ": " + h.substring(0, 6));
            }
            long[] f = new long[13];
            for (int i = 0; i < 13; i++) {
                f[i] = Long.parseLong(h.substring(6 + 8 * i, 14 + 8 * i), 16);
            }
            pos += 110;
            int namesize = (int) f[11];
            byte[] name = in.readNBytes(namesize);
            if (name.length != namesize || name[namesize - 1] != 0) {
                throw new IOException("bad name at " + pos);
            }
            pos += namesize;
            pos += skip(in, pos);
            byte[] data = in.readNBytes((int) f[6]);
            if (data.length != f[6]) {
                throw new IOException("truncated data at " + pos);
            }
            pos += data.length;
            pos += skip(in, pos);
            Entry e = new Entry(new String(name, 0, namesize - 1, StandardCharsets.UTF_8), (int) f[0], (int) f[1],
                    (int) f[4], f[5], (int) f[9], (int) f[10], data);
            entries.add(e);
            if (e.name().equals("TRAILER!!!")) {
                return entries;
            }
        }
    }

    private static int skip(InputStream in, long pos) throws IOException {
        int pad = (int) ((4 - (pos & 3)) & 3);
        byte[] zeros = in.readNBytes(pad);
        for (byte b : zeros) {
            if (b != 0) {
                throw new IOException("non-zero padding at " + pos);
            }
        }
        return pad;
    }

    static byte[] bytes(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
