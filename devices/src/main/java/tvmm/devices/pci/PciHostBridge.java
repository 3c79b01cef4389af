package tvmm.devices.pci;

import tvmm.devices.bus.IoBus;
import tvmm.devices.bus.IoDevice;

/**
 * The PCI host bridge's configuration mechanism #1 (PCI Local Bus Specification 2.1,
 * §3.7.4.1) at ports 0xCF8–0xCFF, with bus 0 holding the bridge itself at 00:00.0 as an
 * Intel 82441FX (440FX) PMC: vendor 8086, device 1237, revision 02, class 06/00/00 — the
 * host bridge QEMU's "pc" machine shows, so guests' PCI quirks tables know it.
 *
 * <p>CONFIG_ADDRESS decodes only dword accesses at 0xCF8; byte and word accesses to
 * 0xCF8–0xCFB fall through to {@link #legacyWindow()}, a small bus addressed from 0xCF8
 * where the VMM registers the PIIX reset control register (0xCF9 = window offset 1, the
 * register itself sees offset 0). This is also what lets Linux's pci_check_type1/type2
 * probes tell mechanism #1 apart. Functions
 * that are not attached read all ones (a master abort), writes to them are dropped.
 *
 * <p>Threading: the address latch is per bridge (shared by vCPUs, as on hardware, where
 * the OS serialises with pci_config_lock); this monitor guards it and is held while a
 * function's config space is accessed (lock order: bridge → function).
 */
public final class PciHostBridge implements IoDevice {
    public static final int CONFIG_ADDRESS = 0;
    public static final int CONFIG_DATA = 4;
    public static final int ADDRESS_ENABLE = 0x8000_0000;
    static final int ADDRESS_MASK = 0x80FF_FFFC; // reserved bits 30..24 and 1..0 read 0
    public static final int INTEL_VENDOR = 0x8086;
    public static final int I440FX_DEVICE = 0x1237;
    public static final int CLASS_HOST_BRIDGE = 0x06_00_00;
    static final int DEVICES = 32;
    static final int FUNCTIONS = 8;

    private final PciFunction[] bus0 = new PciFunction[DEVICES * FUNCTIONS];
    private final IoBus legacy = IoBus.portBus();
    private int address;

    public PciHostBridge() {
        PciConfigSpace host = new PciConfigSpace(INTEL_VENDOR, I440FX_DEVICE, 0x02, CLASS_HOST_BRIDGE);
        host.setWritable(PciConfigSpace.COMMAND, 2, 0x0146); // memory, master, parity, SERR# enables
        host.setReadOnly(PciConfigSpace.STATUS, 2, 0x0280);  // medium DEVSEL, fast back-to-back
        host.setWriteOneToClear(PciConfigSpace.STATUS, 2, 0xF900);
        host.setWritable(0x59, 4, 0xFFFF_FFFF);              // PAM0..3 (PAM4..6 below)
        host.setWritable(0x5D, 3, 0xFF_FFFF);
        host.setWritable(0x72, 1, 0x78);                      // SMRAM control (D_OPEN, D_CLS, D_LCK, G_SMRAME)
        attach(0, 0, host);
    }

    /** System reset: CONFIG_ADDRESS to 0 (disabled) and every function through RST#. */
    public synchronized void reset() {
        address = 0;
        for (PciFunction f : bus0) {
            if (f != null) {
                f.reset();
            }
        }
    }

    /** Places {@code f} at bus 0, {@code device}.{@code function}. */
    public synchronized void attach(int device, int function, PciFunction f) {
        int slot = device * FUNCTIONS + function;
        if (device < 0 || device >= DEVICES || function < 0 || function >= FUNCTIONS || bus0[slot] != null) {
            throw new IllegalArgumentException("PCI slot 00:" + device + "." + function + " is taken or invalid");
        }
        bus0[slot] = f;
    }

    private PciFunction selected() {
        if ((address & ADDRESS_ENABLE) == 0 || ((address >>> 16) & 0xFF) != 0) {
            return null; // disabled, or a bus behind no bridge: master abort
        }
        return bus0[(address >>> 8) & 0xFF];
    }

    @Override
    public synchronized long read(long offset, int size) {
        if (offset < CONFIG_DATA) {
            if (offset == CONFIG_ADDRESS && size == 4) {
                return address & 0xFFFF_FFFFL;
            }
            return legacy.read(offset, size);
        }
        PciFunction f = selected();
        int reg = (address & 0xFC) + (int) (offset - CONFIG_DATA);
        if (f == null || (reg & (size - 1)) != 0) {
            return ones(size);
        }
        return f.configRead(reg, size) & ones(size);
    }

    @Override
    public synchronized void write(long offset, int size, long value) {
        if (offset < CONFIG_DATA) {
            if (offset == CONFIG_ADDRESS && size == 4) {
                address = (int) value & ADDRESS_MASK;
            } else {
                legacy.write(offset, size, value);
            }
            return;
        }
        PciFunction f = selected();
        int reg = (address & 0xFC) + (int) (offset - CONFIG_DATA);
        if (f != null && (reg & (size - 1)) == 0) {
            f.configWrite(reg, size, (int) value);
        }
    }

    /**
     * Where non-dword accesses to 0xCF8..0xCFB go, addressed as offsets 0..3 from 0xCF8;
     * register e.g. the reset control register at {@code Layout.RESET_CONTROL - Layout.PCI_CONFIG}.
     * Unclaimed bytes read all ones.
     */
    public IoBus legacyWindow() {
        return legacy;
    }

    private static long ones(int size) {
        return size >= 8 ? -1L : (1L << (8 * size)) - 1;
    }

    @Override
    public String name() {
        return "pci-host";
    }
}
