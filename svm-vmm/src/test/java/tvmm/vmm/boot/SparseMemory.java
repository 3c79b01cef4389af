package tvmm.vmm.boot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test memory: guest RAM of a given size laid out by {@link BootLayout#ramRanges}, stored
 * as 4 KiB pages on first write so gigabytes cost nothing. Untouched bytes read as
 * {@code fill} (0xCC in tests that must see zeroing happen). Writes outside RAM fail.
 */
final class SparseMemory implements GuestPhysicalMemory {
    private final List<BootLayout.RamRange> ram;
    private final byte fill;
    private final Map<Long, byte[]> pages = new HashMap<>();
    long bytesWritten;

    SparseMemory(long ramBytes, int fill) {
        this.ram = BootLayout.ramRanges(ramBytes);
        this.fill = (byte) fill;
    }

    @Override
    public void write(long gpa, byte[] bytes, int offset, int length) {
        boolean inside = ram.stream().anyMatch(r -> r.start() <= gpa && gpa + length <= r.end());
        if (!inside || offset < 0 || offset + length > bytes.length) {
            throw new IllegalArgumentException(String.format("write [0x%x+0x%x) outside RAM", gpa, length));
        }
        for (int i = 0; i < length;) {
            long a = gpa + i;
            byte[] page = page(a);
            int in = (int) (a & 0xFFF);
            int n = Math.min(length - i, 4096 - in);
            System.arraycopy(bytes, offset + i, page, in, n);
            i += n;
        }
        bytesWritten += length;
    }

    private byte[] page(long address) {
        return pages.computeIfAbsent(address >>> 12, k -> {
            byte[] p = new byte[4096];
            java.util.Arrays.fill(p, fill);
            return p;
        });
    }

    /** Every touched page, merged into runs of consecutive pages: (address, bytes), by address. */
    List<Map.Entry<Long, byte[]>> runs() {
        List<Long> numbers = pages.keySet().stream().sorted().toList();
        List<Map.Entry<Long, byte[]>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < numbers.size();) {
            int j = i;
            while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                j++;
            }
            byte[] run = new byte[(j - i + 1) * 4096];
            for (int k = i; k <= j; k++) {
                System.arraycopy(pages.get(numbers.get(k)), 0, run, (k - i) * 4096, 4096);
            }
            runs.add(Map.entry(numbers.get(i) << 12, run));
            i = j + 1;
        }
        return runs;
    }

    int u8(long a) {
        byte[] p = pages.get(a >>> 12);
        return (p == null ? fill : p[(int) (a & 0xFFF)]) & 0xFF;
    }

    int u16(long a) {
        return u8(a) | u8(a + 1) << 8;
    }

    long u32(long a) {
        return u16(a) | (long) u16(a + 2) << 16;
    }

    long u64(long a) {
        return u32(a) | u32(a + 4) << 32;
    }

    byte[] bytes(long a, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) u8(a + i);
        }
        return b;
    }

    String cString(long a) {
        StringBuilder s = new StringBuilder();
        for (int c; (c = u8(a)) != 0; a++) {
            s.append((char) c);
        }
        return s.toString();
    }
}
