package tvmm.cpu.interrupts;

import tvmm.cpu.seg.Descriptor;
import tvmm.cpu.seg.SystemMemory;

/**
 * A stack being pushed or popped by interrupt delivery, IRET or a far transfer, described by
 * its segment (base, limit, attributes) and address size (2, 4, 8 bytes) rather than by the
 * live SS, so a new stack can be written before any register changes (faults stay precise).
 * Limit checks follow SDM §5.3 (expand-down stacks included); violations are #SS with
 * {@code faultCode}. In 64-bit mode only canonical checks apply (#SS(0)).
 */
final class Stack {
    private final SystemMemory memory;
    private final long base;
    private final long limit;
    private final int attributes;
    private final int addressSize;
    private final boolean user;
    private final int faultCode;
    long sp;

    Stack(SystemMemory memory, long base, int limit, int attributes, int addressSize, long sp, boolean user,
          int faultCode) {
        this.memory = memory;
        this.base = base;
        this.limit = limit & 0xffff_ffffL;
        this.attributes = attributes;
        this.addressSize = addressSize;
        this.user = user;
        this.faultCode = faultCode;
        this.sp = mask(sp);
    }

    private long mask(long v) {
        return switch (addressSize) {
            case 2 -> v & 0xffff;
            case 4 -> v & 0xffff_ffffL;
            default -> v;
        };
    }

    private long linear(long offset, int bytes) {
        if (addressSize == 8) {
            if (!tvmm.cpu.seg.SegmentChecks.isCanonical(offset)) {
                throw GuestFault.ss(faultCode);
            }
            return offset;
        }
        long last = offset + bytes - 1;
        boolean expandDown = Descriptor.isData(attributes) && (attributes & Descriptor.TYPE_EXPAND_DOWN) != 0;
        if (attributes != -1) {
            if (expandDown) {
                long upper = (attributes & Descriptor.ATTR_DB) != 0 ? 0xffff_ffffL : 0xffffL;
                if (offset <= limit || last > upper) {
                    throw GuestFault.ss(faultCode);
                }
            } else if (last > limit) {
                throw GuestFault.ss(faultCode);
            }
        }
        return (base + offset) & 0xffff_ffffL;
    }

    void push(long value, int bytes) {
        long nsp = mask(sp - bytes);
        memory.writeLinear(linear(nsp, bytes), bytes, value, user);
        sp = nsp;
    }

    long pop(int bytes) {
        long v = memory.readLinear(linear(sp, bytes), bytes, user);
        sp = mask(sp + bytes);
        return v;
    }

    /** Drops {@code bytes} from the stack (RET imm16), wrapping at the stack size. */
    void release(int bytes) {
        sp = mask(sp + bytes);
    }

    /** Bytes at sp + offset without moving sp (checks for IRET before anything changes). */
    long peek(int offset, int bytes) {
        return memory.readLinear(linear(mask(sp + offset), bytes), bytes, user);
    }

    /** The new value of RSP/ESP/SP: only the stack-size bits change (SDM §6.12.1). */
    long mergeInto(long oldRsp) {
        return switch (addressSize) {
            case 2 -> (oldRsp & ~0xffffL) | sp;
            case 4 -> sp; // 32-bit stack writes zero-extend ESP in long mode; upper bits are 0 outside it
            default -> sp;
        };
    }
}
