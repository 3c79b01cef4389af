package tvmm.devices.acpi.aml;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encodings checked against the byte examples and rules of ACPI 6.5 ch. 20. */
class AmlTest {
    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void pkgLengthBoundaries() {
        // One byte holds a total (payload + itself) up to 63.
        assertEquals("3f", hex(PkgLength.encode(62)));
        // 63 payload bytes need two PkgLength bytes: total 65 = 0x41 → 0x41, 0x04.
        assertEquals("4104", hex(PkgLength.encode(63)));
        // Two bytes hold totals below 2^12.
        assertEquals(2, PkgLength.encode(4093).length);
        assertEquals(3, PkgLength.encode(4094).length);
        assertEquals(4, PkgLength.encode((1 << 20) - 2).length);
        for (int payload : new int[] {0, 1, 62, 63, 64, 300, 4093, 4094, 70_000, 2_000_000}) {
            byte[] enc = PkgLength.encode(payload);
            byte[] padded = new byte[enc.length + 1];
            System.arraycopy(enc, 0, padded, 0, enc.length);
            int[] dec = PkgLength.decode(padded, 0);
            assertEquals(payload + enc.length, dec[0], "round trip of " + payload);
            assertEquals(enc.length, dec[1]);
        }
    }

    @Test
    void integersUseTheShortestEncoding() {
        assertEquals("00", hex(Aml.integer(0)));
        assertEquals("01", hex(Aml.integer(1)));
        assertEquals("ff", hex(Aml.integer(-1)));
        assertEquals("0a0f", hex(Aml.integer(0x0F)));
        assertEquals("0bf803", hex(Aml.integer(0x3F8)));
        assertEquals("0c0000d0fe", hex(Aml.integer(0xFED00000L)));
        assertEquals("0e0000000001000000", hex(Aml.integer(1L << 32)));
    }

    @Test
    void eisaIdMatchesTheWellKnownValues() {
        // EisaId("PNP0A03") is the DWord 0x030AD041 (as every PC DSDT carries it).
        assertEquals("0c41d00a03", hex(Aml.eisaId("PNP0A03")));
        assertEquals("0c41d00501", hex(Aml.eisaId("PNP0501")));
        assertEquals("0c41d00b00", hex(Aml.eisaId("PNP0B00")));
        assertThrows(IllegalArgumentException.class, () -> Aml.eisaId("pnp0a03"));
    }

    @Test
    void namesAndPaths() {
        assertEquals("5f5342", hex(NameString.encode("_SB")).substring(0, 6));
        assertEquals("5f53425f", hex(NameString.encode("_SB")));
        assertEquals("5c5f53425f", hex(NameString.encode("\\_SB")));
        assertEquals("5c2e5f53425f50434930", hex(NameString.encode("\\_SB.PCI0")));
        assertEquals("2f03" + "5f53425f" + "50434930" + "5f435253", hex(NameString.encode("_SB.PCI0._CRS")));
        assertEquals("5e434f4d31", hex(NameString.encode("^COM1")));
        assertThrows(IllegalArgumentException.class, () -> NameString.encode("toolong"));
        assertThrows(IllegalArgumentException.class, () -> NameString.encode("1ABC"));
    }

    @Test
    void nestedPackagesDecodeBack() {
        byte[] big = new byte[300];
        byte[] aml = Aml.scope("\\_SB",
                Aml.device("DEV0",
                        Aml.name("_HID", Aml.eisaId("PNP0C0F")),
                        Aml.name("BUF0", Aml.buffer(big)),
                        Aml.method("_STA", 0, false, Aml.ret(Aml.integer(0x0F)))),
                Aml.name("PKG0", Aml.pkg(Aml.integer(5), Aml.string("x"), Aml.integer(1L << 40))));
        List<AmlWalker.Node> tree = AmlWalker.parse(aml, 0, aml.length);
        assertEquals(1, tree.size());
        AmlWalker.Node sb = tree.get(0);
        assertEquals("\\_SB_", sb.name());
        AmlWalker.Node dev = sb.child("Device", "DEV0");
        assertEquals(300, dev.child("Name", "BUF0").children().get(0).value());
        AmlWalker.Node sta = dev.child("Method", "_STA");
        assertEquals(0, sta.value(), "no arguments, not serialized");
        assertEquals(0x0F, sta.children().get(0).children().get(0).value());
        AmlWalker.Node pkg = sb.child("Name", "PKG0").children().get(0);
        assertEquals(3, pkg.value());
        assertEquals(1L << 40, pkg.children().get(2).value());
    }

    @Test
    void resourceDescriptors() {
        byte[] rt = new ResourceTemplate().io(0x3F8, 0x3F8, 1, 8).irqNoFlags(4).toBytes();
        assertEquals("4701f803f8030108" + "221000" + "7900", hex(rt));
        List<byte[]> d = AmlWalker.descriptors(new ResourceTemplate()
                .wordBusNumber(0, 0xFF).wordIo(0, 0xCF7).dwordMemory(false, 0xC0000000L, 0xFEBFFFFFL)
                .qwordMemory(false, 1L << 40, (1L << 41) - 1).memory32Fixed(false, 0xFED00000L, 0x400).toBytes());
        assertEquals(List.of(16, 16, 26, 46, 12, 2), d.stream().map(b -> b.length).toList());
        byte[] bus = d.get(0);
        assertEquals(2, bus[3], "bus number space");
        assertEquals(0x100, (bus[14] & 0xFF) | (bus[15] & 0xFF) << 8, "256 buses");
    }
}
