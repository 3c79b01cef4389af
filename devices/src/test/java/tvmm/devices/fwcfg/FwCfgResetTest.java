package tvmm.devices.fwcfg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tvmm.devices.bus.IoBus;
import tvmm.devices.platform.Layout;

/** After a reset the selector is 0 (the signature) at offset 0; the items stay. */
class FwCfgResetTest {
    final FwCfg cfg = new FwCfg(2, 64L << 20);
    final IoBus bus = IoBus.portBus();

    FwCfgResetTest() {
        bus.register(Layout.FW_CFG, Layout.FW_CFG_LEN, cfg);
    }

    @Test
    void resetSelectsTheSignature() {
        cfg.setCommandLine("console=ttyS0");
        bus.write(Layout.FW_CFG, 2, FwCfg.CMDLINE_DATA);
        bus.read(Layout.FW_CFG + 1, 1);

        cfg.reset();

        StringBuilder sig = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sig.append((char) bus.read(Layout.FW_CFG + 1, 1));
        }
        assertEquals("QEMU", sig.toString());
        bus.write(Layout.FW_CFG, 2, FwCfg.CMDLINE_DATA);
        assertEquals('c', bus.read(Layout.FW_CFG + 1, 1), "the command line survives");
    }
}
