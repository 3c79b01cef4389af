package tvmm.cpu.cpuid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tvmm.cpu.mmu.ControlBits;

/** The CPUID model is self-consistent and advertises exactly the implemented features. */
class CpuidModelTest {
    final CpuidModel model = new CpuidModel(4, 2_000_000_000L, 25_000_000L);

    static String text(int... regs) {
        ByteBuffer b = ByteBuffer.allocate(4 * regs.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int r : regs) {
            b.putInt(r);
        }
        return new String(b.array(), StandardCharsets.US_ASCII).replace("\0", "");
    }

    @Test
    void vendorBrandAndHypervisorSignature() {
        int[] r = model.query(0, 0, 0, 0);
        assertEquals(CpuidModel.MAX_LEAF, r[0]);
        assertEquals("GenuineIntel", text(r[1], r[3], r[2]));
        StringBuilder brand = new StringBuilder();
        for (int leaf = 0x8000_0002; leaf <= 0x8000_0004; leaf++) {
            brand.append(text(model.query(leaf, 0, 0, 0)));
        }
        assertEquals(CpuidModel.BRAND, brand.toString());
        int[] h = model.query(0x4000_0000, 0, 0, 0);
        assertEquals("tvmmtvmmtvmm", text(h[1], h[2], h[3]));
    }

    @Test
    void leafOneMatchesTheFeatureTable() {
        int[] r = model.query(1, 0, 3, 0);
        assertEquals(6, (r[0] >> 8) & 0xf);
        assertEquals(0x2a, ((r[0] >> 4) & 0xf) | ((r[0] >> 12) & 0xf0));
        assertEquals(3, r[1] >>> 24, "initial APIC id");
        for (Feature f : Feature.values()) {
            if (f.leaf != 1) {
                continue;
            }
            int reg = f.reg == Feature.Reg.ECX ? r[2] : r[3];
            assertEquals(f.implemented, (reg >>> f.bit & 1) == 1, f.name());
        }
        assertTrue((r[2] & 1 << 31) != 0, "hypervisor bit");
        assertEquals(Feature.SSE.implemented ? 1 << 25 : 0, r[3] & 1 << 25, "SSE advertised exactly when implemented");
    }

    @Test
    void everyFeatureBitIsReportedExactlyWhenImplemented() {
        for (Feature f : Feature.values()) {
            if (f == Feature.OSXSAVE) {
                continue; // mirrors CR4.OSXSAVE, not a static property
            }
            int[] r = model.query(f.leaf, f.subleaf, 0, 0);
            int reg = r[f.reg.ordinal()];
            assertEquals(f.implemented, (reg >>> f.bit & 1) == 1, f.name());
        }
    }

    @Test
    void xsaveLeafAndOsxsaveMirror() {
        // SDM Vol. 1 §13.2: CPUID.1:ECX.XSAVE[26]; OSXSAVE[27] = CR4.OSXSAVE.
        assertEquals(1 << 26, model.query(1, 0, 0, 0)[2] & (1 << 26 | 1 << 27));
        assertEquals(3 << 26, model.query(1, 0, 0, ControlBits.CR4_OSXSAVE)[2] & (3 << 26));
        // Sub-leaf 0: XCR0 may hold x87|SSE; 512-byte legacy region + 64-byte header for either XCR0.
        assertArrayEquals(new int[] {3, 576, 576, 0}, model.query(0xd, 0, 0, ControlBits.CR4_OSXSAVE, 3));
        assertArrayEquals(new int[] {3, 576, 576, 0}, model.query(0xd, 0, 0, ControlBits.CR4_OSXSAVE, 1));
        // Sub-leaf 1: XSAVEOPT only (no XSAVEC, XGETBV ECX=1, XSAVES), no supervisor components.
        assertArrayEquals(new int[] {1, 0, 0, 0}, model.query(0xd, 1, 0, 0, 3));
        assertArrayEquals(new int[4], model.query(0xd, 2, 0, 0, 3), "no AVX component");
    }

    @Test
    void tscAndCrystalLeavesAgree() {
        int[] r = model.query(0x15, 0, 0, 0);
        assertEquals(2_000_000_000L, (long) r[2] * r[1] / r[0]);
        assertEquals(25_000_000, r[2]);
        int[] f = model.query(0x16, 0, 0, 0);
        assertEquals(2000, f[0]);
        assertTrue((model.query(0x8000_0007, 0, 0, 0)[3] & 1 << 8) != 0, "invariant TSC");
    }

    @Test
    void addressSizesAndLongMode() {
        int[] r = model.query(0x8000_0008, 0, 0, 0);
        assertEquals(CpuFeatures.PHYS_ADDR_BITS, r[0] & 0xff);
        assertEquals(48, (r[0] >> 8) & 0xff);
        int edx = model.query(0x8000_0001, 0, 0, 0)[3];
        assertTrue((edx & 1 << 29) != 0 && (edx & 1 << 20) != 0 && (edx & 1 << 11) != 0);
    }

    @Test
    void topologyCountsTheVcpus() {
        int[] smt = model.query(0xb, 0, 2, 0);
        int[] core = model.query(0xb, 1, 2, 0);
        assertEquals(1, smt[1] & 0xffff);
        assertEquals(4, core[1] & 0xffff);
        assertEquals(2, core[0], "two bits of core id for four cores");
        assertEquals(2, core[3], "x2APIC id");
        assertEquals(0, model.query(0xb, 2, 2, 0)[1], "no further levels");
    }

    @Test
    void leavesBeyondTheMaximumRepeatTheLastBasicLeaf() {
        assertArrayEquals(model.query(0x16, 0, 0, 0), model.query(0x17, 0, 0, 0));
        assertArrayEquals(model.query(0x16, 0, 0, 0), model.query(0x8000_0009, 0, 0, 0));
    }

    @Test
    void cr4MaskFollowsFeatures() {
        long m = CpuFeatures.cr4ValidMask();
        assertTrue((m & ControlBits.CR4_PAE) != 0 && (m & ControlBits.CR4_PGE) != 0);
        assertEquals(0, m & ControlBits.CR4_LA57, "5-level paging not advertised");
        assertEquals(Feature.SMEP.implemented, (m & ControlBits.CR4_SMEP) != 0);
    }

    @Test
    void leafSevenListsItsSubleaves() {
        assertEquals(2, model.query(7, 0, 0, 0)[0], "sub-leaves 0..2");
        assertEquals(1 << 4, model.query(7, 2, 0, 0)[3], "sub-leaf 2: BHI_CTRL only");
        assertArrayEquals(new int[4], model.query(7, 1, 0, 0));
        assertArrayEquals(new int[4], model.query(7, 3, 0, 0));
    }
}
