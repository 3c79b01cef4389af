package tvmm.devices.fwcfg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import tvmm.devices.bus.IoDevice;

/**
 * QEMU's firmware configuration device, traditional (non-DMA) interface, as QEMU's
 * docs/specs/fw_cfg.rst specifies it for x86: a 16-bit selector at 0x510 and a byte-wide
 * data port at 0x511 that streams the selected item from offset 0 (reads past the end
 * return 0). Items use QEMU's keys, so test kernels written for QEMU find the signature
 * "QEMU", the feature ID, the CPU count, the RAM size, the kernel command line and the
 * file directory (big-endian, 64-byte entries, selectors from 0x20).
 *
 * <p>Threading: the selector and offset are per device (the guest serialises, as on QEMU);
 * this monitor guards them. Items are fixed before the guest runs.
 */
public final class FwCfg implements IoDevice {
    public static final int PORT_SELECTOR = 0;
    public static final int PORT_DATA = 1;

    public static final int SIGNATURE = 0x00;
    public static final int ID = 0x01;
    public static final int UUID = 0x02;
    public static final int RAM_SIZE = 0x03;
    public static final int NOGRAPHIC = 0x04;
    public static final int NB_CPUS = 0x05;
    public static final int MACHINE_ID = 0x06;
    public static final int KERNEL_ADDR = 0x07;
    public static final int KERNEL_SIZE = 0x08;
    public static final int KERNEL_CMDLINE = 0x09;
    public static final int INITRD_ADDR = 0x0A;
    public static final int INITRD_SIZE = 0x0B;
    public static final int BOOT_DEVICE = 0x0C;
    public static final int NUMA = 0x0D;
    public static final int BOOT_MENU = 0x0E;
    public static final int MAX_CPUS = 0x0F;
    public static final int CMDLINE_ADDR = 0x13;
    public static final int CMDLINE_SIZE = 0x14;
    public static final int CMDLINE_DATA = 0x15;
    public static final int FILE_DIR = 0x19;
    public static final int FILE_FIRST = 0x20;
    /** x86 architecture-local items (selector bit 15). */
    public static final int ARCH_LOCAL = 0x8000;
    public static final int X86_IRQ0_OVERRIDE = ARCH_LOCAL + 2;
    /** Selector bit 14: the write channel (DMA interface only; traditional writes are ignored). */
    public static final int WRITE_CHANNEL = 0x4000;
    /** ID bit 0: the traditional interface. DMA (bit 1) is not offered. */
    public static final int FEATURE_TRADITIONAL = 0x01;
    static final int FILE_NAME_SIZE = 56;

    private final Map<Integer, byte[]> items = new TreeMap<>();
    private final Map<String, Integer> files = new TreeMap<>();
    private int selector;
    private int offset;

    /** The standard items for a machine with {@code cpus} vCPUs and {@code ramBytes} of RAM. */
    public FwCfg(int cpus, long ramBytes) {
        put(SIGNATURE, "QEMU".getBytes(StandardCharsets.US_ASCII));
        put(ID, le(FEATURE_TRADITIONAL, 4));
        put(UUID, new byte[16]);
        put(RAM_SIZE, le(ramBytes, 8));
        put(NOGRAPHIC, le(1, 2));
        put(NB_CPUS, le(cpus, 2));
        put(MAX_CPUS, le(cpus, 2));
        put(NUMA, le(0, 8));
        put(BOOT_MENU, le(0, 2));
        put(X86_IRQ0_OVERRIDE, le(1, 4)); // IRQ0 is routed to IOAPIC pin 2
        setCommandLine("");
        rebuildDirectory();
    }

    /** System reset: selector 0 (the signature) at offset 0; the items are the firmware's and stay. */
    public synchronized void reset() {
        selector = SIGNATURE;
        offset = 0;
    }

    private static byte[] le(long v, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    /** Sets item {@code key} (QEMU's numbering). */
    public synchronized void put(int key, byte[] data) {
        items.put(key, data.clone());
    }

    /** The kernel command line: CMDLINE_SIZE (with the NUL) and CMDLINE_DATA. */
    public synchronized void setCommandLine(String cmdline) {
        byte[] text = cmdline.getBytes(StandardCharsets.US_ASCII);
        byte[] z = new byte[text.length + 1];
        System.arraycopy(text, 0, z, 0, text.length);
        put(CMDLINE_SIZE, le(z.length, 4));
        put(CMDLINE_DATA, z);
    }

    /** Adds (or replaces) a named file, e.g. "etc/e820"; returns its selector. */
    public synchronized int addFile(String name, byte[] data) {
        if (name.getBytes(StandardCharsets.US_ASCII).length >= FILE_NAME_SIZE) {
            throw new IllegalArgumentException("fw_cfg file name too long: " + name);
        }
        Integer key = files.get(name);
        if (key == null) {
            key = FILE_FIRST + files.size();
            files.put(name, key);
        }
        put(key, data);
        rebuildDirectory();
        return key;
    }

    private void rebuildDirectory() {
        ByteBuffer dir = ByteBuffer.allocate(4 + 64 * files.size()).order(ByteOrder.BIG_ENDIAN);
        dir.putInt(files.size());
        for (Map.Entry<String, Integer> f : files.entrySet()) { // sorted by name, as QEMU keeps it
            dir.putInt(items.get(f.getValue()).length);
            dir.putShort((short) (int) f.getValue());
            dir.putShort((short) 0);
            byte[] name = new byte[FILE_NAME_SIZE];
            byte[] n = f.getKey().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(n, 0, name, 0, n.length);
            dir.put(name);
        }
        items.put(FILE_DIR, dir.array());
    }

    @Override
    public synchronized long read(long off, int size) {
        if (off != PORT_DATA) {
            return 0; // the selector is write-only
        }
        byte[] item = items.get(selector & ~WRITE_CHANNEL);
        long v = 0;
        for (int i = 0; i < size; i++) { // wider reads stream consecutive bytes, little-endian
            int b = item != null && offset < item.length ? item[offset] & 0xFF : 0;
            if (item != null && offset < item.length) {
                offset++;
            }
            v |= (long) b << (8 * i);
        }
        return v;
    }

    @Override
    public synchronized void write(long off, int size, long value) {
        if (off == PORT_SELECTOR && size >= 2) {
            selector = (int) value & 0xFFFF;
            offset = 0;
        } else if (off == PORT_SELECTOR) {
            // A byte write sets the low selector byte only (QEMU decodes the port as 16-bit).
            selector = (int) value & 0xFF;
            offset = 0;
        }
        // Data-port writes are ignored (QEMU ≥ 2.4: read-only traditional interface).
    }

    @Override
    public String name() {
        return "fw_cfg";
    }
}
