package tvmm.devices.acpi;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import tvmm.devices.acpi.pm.AcpiPm;
import tvmm.devices.platform.Layout;

/** FADT revision 6 fields, at the offsets of ACPI 6.5 table 5.9. */
class FadtTest {
    final AcpiConfig config = AcpiConfig.forPlatform(2, 0x4000_0000L);
    final byte[] fadt = Fadt.build(config, 0xE0040, 0xE0100);

    int u8(int off) {
        return fadt[off] & 0xFF;
    }

    int u16(int off) {
        return u8(off) | u8(off + 1) << 8;
    }

    long u32(int off) {
        return u16(off) | (long) u16(off + 2) << 16;
    }

    long u64(int off) {
        return u32(off) | u32(off + 4) << 32;
    }

    @Test
    void headerAndLength() {
        assertEquals("FACP", new String(fadt, 0, 4));
        assertEquals(276, u32(4));
        assertEquals(6, u8(8), "revision 6");
        assertEquals(3, u8(131), "minor revision");
        assertTrue(Checksum.valid(fadt, 0, fadt.length));
    }

    @Test
    void pmBlocksAndSci() {
        assertEquals(Layout.IRQ_ACPI_SCI, u16(46));
        assertEquals(0, u32(48), "no SMI_CMD: always in ACPI mode");
        assertEquals(Layout.ACPI_PM1A_EVT, u32(56));
        assertEquals(Layout.ACPI_PM1A_CNT, u32(64));
        assertEquals(Layout.ACPI_PM_TMR, u32(76));
        assertEquals(4, u8(88));
        assertEquals(2, u8(89));
        assertEquals(4, u8(91));
        // X_PM1a_EVT_BLK: system I/O, 32 bits, dword access, same port.
        assertEquals(1, u8(148));
        assertEquals(32, u8(149));
        assertEquals(Layout.ACPI_PM1A_EVT, u64(152));
        assertEquals(Layout.ACPI_PM1A_CNT, u64(176));
        assertEquals(16, u8(173));
        assertEquals(Layout.ACPI_PM_TMR, u64(212));
    }

    @Test
    void flagsAndResetRegister() {
        long flags = u32(112);
        assertEquals(0, flags & (1 << 20), "not hardware-reduced");
        assertEquals(1 << 10, flags & (1 << 10), "reset register supported");
        assertEquals(0, flags & (1 << 8), "24-bit PM timer, as the PM device is built");
        assertEquals(0, flags & (1 << 4), "fixed power button present");
        assertEquals(1, u8(116), "reset register in system I/O");
        assertEquals(8, u8(117));
        assertEquals(Layout.RESET_CONTROL, u64(120));
        assertEquals(AcpiPm.RESET_VALUE, u8(128));
        assertEquals(0x06, u8(128));
    }

    @Test
    void pointers() {
        assertEquals(0xE0040, u32(36));
        assertEquals(0xE0100, u32(40));
        assertEquals(0xE0040, u64(132));
        assertEquals(0xE0100, u64(140));
    }

    @Test
    void thirtyTwoBitPmTimerSetsTmrValExt() {
        AcpiConfig c = config;
        AcpiConfig wide = new AcpiConfig(c.apicIds(), c.lapicAddress(), c.ioApicId(), c.ioApicAddress(),
                c.ioApicGsiBase(), c.hpetAddress(), c.hpetBlockId(), c.pm1aEvent(), c.pm1aControl(),
                c.pmTimer(), true, c.sciIrq(), c.resetPort(), c.resetValue(), c.s5SleepType(),
                c.pciConfigPort(), c.pciMmioStart(), c.pciMmioEnd(), c.com1Port(), c.com1Irq(),
                c.rtcPort(), c.rtcIrq(), c.pitIrq(), c.pitGsi());
        byte[] f = Fadt.build(wide, 0, 0);
        assertEquals(1, (f[113] >> 0) & 1, "TMR_VAL_EXT is bit 8 of the flags");
    }
}
