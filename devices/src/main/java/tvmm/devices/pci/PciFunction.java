package tvmm.devices.pci;

/**
 * One PCI function's 256-byte configuration space as the host bridge reaches it. Offsets
 * are naturally aligned for their size (1, 2 or 4) and below 256; the bridge guarantees it.
 */
public interface PciFunction {

    int configRead(int offset, int size);

    void configWrite(int offset, int size, int value);

    /** PCI RST#: the function's configuration registers return to their reset values. */
    void reset();
}
