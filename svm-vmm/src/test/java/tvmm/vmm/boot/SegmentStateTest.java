package tvmm.vmm.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SegmentStateTest {

    /** Descriptor values as Linux and the SDM write them (SDM vol. 3A, figure 3-8). */
    @Test
    void flatDescriptorsEncodeAsTheKernelWritesThem() {
        assertEquals(0x00AF_9B00_0000_FFFFL, SegmentState.code64(0x10).descriptor());
        assertEquals(0x00CF_9B00_0000_FFFFL, SegmentState.code32(0x08).descriptor());
        assertEquals(0x00CF_9300_0000_FFFFL, SegmentState.data(0x18).descriptor());
    }

    @Test
    void vmcbAttributesAreDescriptorBits() {
        // VMCB attribute = descriptor bits 47:40 and 55:52 (APM vol. 2, §15.5.1): 0xA9B for 64-bit code.
        assertEquals(0xA9B, SegmentState.code64(0x10).attributes());
        assertEquals(0xC93, SegmentState.data(0x18).attributes());
    }

    @Test
    void descriptorsRoundTrip() {
        SegmentState odd = new SegmentState(0x2B, 0x0F3, 0xABCDE, 0x1234_5678L); // byte granular, DPL 3
        assertEquals(odd, SegmentState.fromDescriptor(0x2B, odd.descriptor()));
        SegmentState paged = new SegmentState(0x33, 0x8F3, 0x0000_5FFFL, 0xFF00_0000L);
        assertEquals(paged, SegmentState.fromDescriptor(0x33, paged.descriptor()));
    }
}
