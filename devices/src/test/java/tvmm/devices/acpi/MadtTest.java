package tvmm.devices.acpi;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tvmm.devices.platform.Layout;

/** MADT entries, walked by their type and length bytes as an OS does. */
class MadtTest {

    record Entry(int type, int offset, int length) {
    }

    static List<Entry> entries(byte[] madt) {
        List<Entry> out = new ArrayList<>();
        int length = (madt[4] & 0xFF) | (madt[5] & 0xFF) << 8;
        int pos = 44;
        while (pos < length) {
            int len = madt[pos + 1] & 0xFF;
            assertTrue(len >= 2 && pos + len <= length, "entry at " + pos);
            out.add(new Entry(madt[pos] & 0xFF, pos, len));
            pos += len;
        }
        assertEquals(length, pos, "entries end exactly at the table's end");
        return out;
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static long u32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }

    @Test
    void onePerVcpuPlusIoApicOverridesAndNmi() {
        byte[] madt = Madt.build(AcpiConfig.forPlatform(3, 0x4000_0000L));
        assertTrue(Checksum.valid(madt, 0, madt.length));
        assertEquals("APIC", new String(madt, 0, 4));
        assertEquals(Layout.LAPIC_BASE, u32(madt, 36));
        assertEquals(1, u32(madt, 40), "PCAT_COMPAT: 8259s present");
        List<Entry> e = entries(madt);
        List<Integer> types = e.stream().map(Entry::type).toList();
        assertEquals(List.of(0, 0, 0, 1, 2, 2, 4), types);
        for (int i = 0; i < 3; i++) {
            int off = e.get(i).offset();
            assertEquals(8, e.get(i).length());
            assertEquals(i, u8(madt, off + 2), "processor UID");
            assertEquals(i, u8(madt, off + 3), "APIC ID");
            assertEquals(1, u32(madt, off + 4), "enabled");
        }
        int io = e.get(3).offset();
        assertEquals(12, e.get(3).length());
        assertEquals(Layout.IOAPIC_BASE, u32(madt, io + 4));
        assertEquals(0, u32(madt, io + 8), "GSI base 0");
        int iso0 = e.get(4).offset();
        assertEquals(0, u8(madt, iso0 + 3), "IRQ0");
        assertEquals(Layout.GSI_PIT, u32(madt, iso0 + 4));
        int iso9 = e.get(5).offset();
        assertEquals(9, u8(madt, iso9 + 3));
        assertEquals(9, u32(madt, iso9 + 4));
        assertEquals(0x000D, u8(madt, iso9 + 8) | u8(madt, iso9 + 9) << 8, "level, active high");
        int nmi = e.get(6).offset();
        assertEquals(0xFF, u8(madt, nmi + 2), "all processors");
        assertEquals(1, u8(madt, nmi + 5), "LINT1");
    }

    @Test
    void apicIdsFrom255OnUseX2ApicEntries() {
        AcpiConfig c = AcpiConfig.forPlatform(2, 0x4000_0000L);
        AcpiConfig big = new AcpiConfig(new int[] {0, 300}, c.lapicAddress(), c.ioApicId(), c.ioApicAddress(),
                c.ioApicGsiBase(), c.hpetAddress(), c.hpetBlockId(), c.pm1aEvent(), c.pm1aControl(),
                c.pmTimer(), c.pmTimer32(), c.sciIrq(), c.resetPort(), c.resetValue(), c.s5SleepType(),
                c.pciConfigPort(), c.pciMmioStart(), c.pciMmioEnd(), c.com1Port(), c.com1Irq(),
                c.rtcPort(), c.rtcIrq(), c.pitIrq(), c.pitGsi());
        byte[] madt = Madt.build(big);
        List<Entry> e = entries(madt);
        assertEquals(List.of(0, 9, 1, 2, 2, 4, 0x0A), e.stream().map(Entry::type).toList());
        int x2 = e.get(1).offset();
        assertEquals(16, e.get(1).length());
        assertEquals(300, u32(madt, x2 + 4));
        assertEquals(1, u32(madt, x2 + 12), "processor UID");
    }
}
