package tvmm.cpu.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tvmm.cpu.state.CpuState;

/**
 * XLAT reads [seg: rBX + AL] with the segment and base register the decoder reports: an FS
 * override is honoured (also before a DS prefix, which 64-bit mode ignores: {@code 64 3E D7},
 * as on the host), and 67h truncates the address to EBX + AL.
 */
class XlatTest {
    private static long xlat(long fsBase, long rbx, int... code) {
        try (TestMachine m = new TestMachine()) {
            m.vcpu.state.seg[CpuState.FS].base = fsBase;
            for (int i = 0; i < 256; i++) {
                m.phys.ramWrite(0x2000 + i, 1, i ^ 0x5a);
                m.phys.ramWrite(0x3000 + i, 1, i ^ 0xa5);
            }
            m.vcpu.state.gpr[CpuState.RAX] = 0x1122_3344_5566_7710L;
            m.vcpu.state.gpr[CpuState.RBX] = rbx;
            m.load(0x1000, code);
            m.run(0x1000, 0x1000 + code.length);
            return m.reg(CpuState.RAX);
        }
    }

    @Test
    void readsDsRbxPlusAl() {
        assertEquals(0x1122_3344_5566_7700L | (0x10 ^ 0x5a), xlat(0, 0x2000, 0xd7));
    }

    @Test
    void honoursAnFsOverride() {
        assertEquals(0x1122_3344_5566_7700L | (0x10 ^ 0xa5), xlat(0x1000, 0x2000, 0x64, 0xd7));
        assertEquals(0x1122_3344_5566_7700L | (0x10 ^ 0xa5), xlat(0x1000, 0x2000, 0x64, 0x3e, 0xd7));
    }

    @Test
    void addressSizePrefixTruncatesToEbx() {
        assertEquals(0x1122_3344_5566_7700L | (0x10 ^ 0x5a), xlat(0, 0xffff_ffff_0000_2000L, 0x67, 0xd7));
    }
}
