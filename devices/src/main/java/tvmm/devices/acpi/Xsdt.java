package tvmm.devices.acpi;

import java.util.List;

/**
 * The root tables (ACPI 6.5 §5.2.7–8): the XSDT lists every other table (except the DSDT
 * and FACS, which the FADT points to) with 64-bit addresses, the RSDT the same with 32-bit
 * ones for ACPI 1.0 readers.
 */
final class Xsdt {
    private Xsdt() {
    }

    static byte[] xsdt(List<Long> tables) {
        TableWriter w = TableWriter.header("XSDT", 1);
        for (long address : tables) {
            w.u64(address);
        }
        return w.finish();
    }

    static byte[] rsdt(List<Long> tables) {
        TableWriter w = TableWriter.header("RSDT", 1);
        for (long address : tables) {
            w.u32(address);
        }
        return w.finish();
    }
}
