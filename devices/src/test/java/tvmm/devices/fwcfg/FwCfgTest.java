package tvmm.devices.fwcfg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;
import tvmm.devices.platform.Layout;

/** Reads items the way a test kernel (or SeaBIOS's qemu_cfg_read) does. */
class FwCfgTest {
    IoBus bus;
    FwCfg cfg;

    @BeforeEach
    void setUp() {
        cfg = new FwCfg(4, 256L << 20);
        bus = IoBus.portBus();
        bus.register(Layout.FW_CFG, Layout.FW_CFG_LEN, cfg);
    }

    byte[] item(int key, int length) {
        bus.write(Layout.FW_CFG, 2, key);
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) bus.read(Layout.FW_CFG + 1, 1);
        }
        return b;
    }

    long le(byte[] b) {
        long v = 0;
        for (int i = b.length - 1; i >= 0; i--) {
            v = v << 8 | (b[i] & 0xFF);
        }
        return v;
    }

    @Test
    void signatureIdCpusAndRam() {
        assertEquals("QEMU", new String(item(FwCfg.SIGNATURE, 4), StandardCharsets.US_ASCII));
        assertEquals(FwCfg.FEATURE_TRADITIONAL, le(item(FwCfg.ID, 4)), "traditional interface, no DMA");
        assertEquals(4, le(item(FwCfg.NB_CPUS, 2)));
        assertEquals(256L << 20, le(item(FwCfg.RAM_SIZE, 8)));
        assertEquals(1, le(item(FwCfg.X86_IRQ0_OVERRIDE, 4)));
        assertEquals(0, le(item(0x1234, 4)), "unknown items read as zeros");
        byte[] sig = item(FwCfg.SIGNATURE, 6);
        assertEquals(0, sig[4] | sig[5], "reading past the end returns 0");
    }

    @Test
    void commandLine() {
        cfg.setCommandLine("console=ttyS0 quiet");
        int size = (int) le(item(FwCfg.CMDLINE_SIZE, 4));
        assertEquals(20, size, "with the terminating NUL");
        byte[] text = item(FwCfg.CMDLINE_DATA, size);
        assertEquals("console=ttyS0 quiet\0", new String(text, StandardCharsets.US_ASCII));
    }

    @Test
    void fileDirectoryIsBigEndianAndSorted() {
        cfg.addFile("etc/zzz", new byte[] {9});
        int sel = cfg.addFile("etc/e820", new byte[20]);
        byte[] dirHead = item(FwCfg.FILE_DIR, 4 + 2 * 64);
        ByteBuffer dir = ByteBuffer.wrap(dirHead);
        assertEquals(2, dir.getInt());
        assertEquals(20, dir.getInt(), "etc/e820 sorts first");
        assertEquals(sel, dir.getShort() & 0xFFFF);
        dir.getShort();
        byte[] name = new byte[56];
        dir.get(name);
        assertEquals("etc/e820", new String(name, StandardCharsets.US_ASCII).replace("\0", ""));
        assertEquals(1, dir.getInt());
        int zzz = dir.getShort() & 0xFFFF;
        assertEquals(9, item(zzz, 1)[0]);
        assertEquals(FwCfg.FILE_FIRST, zzz);
    }

    @Test
    void selectorWriteRewindsAndDataWritesAreIgnored() {
        item(FwCfg.SIGNATURE, 2);
        bus.write(Layout.FW_CFG + 1, 1, 0x55);
        bus.write(Layout.FW_CFG, 2, FwCfg.SIGNATURE);
        assertEquals('Q', bus.read(Layout.FW_CFG + 1, 1));
    }
}
