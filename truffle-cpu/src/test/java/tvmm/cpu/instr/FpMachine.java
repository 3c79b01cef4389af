package tvmm.cpu.instr;

import tvmm.cpu.RunResult;
import tvmm.cpu.Vcpu;
import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.mem.PhysicalMemory;
import tvmm.cpu.state.CpuState;

/** A flat 64-bit CPL-3 machine (1 MiB, no paging) for the x87/SSE node tests: code at 0x1000, data at 0x8000. */
final class FpMachine implements AutoCloseable {
    static final long CODE = 0x1000, DATA = 0x8000;
    final PhysicalMemory phys = new PhysicalMemory(1 << 20);
    final Vcpu vcpu = new Vcpu(null, phys, ExitPort.NONE);
    final CpuState s = vcpu.state;

    FpMachine() {
        s.setFlat64User();
        s.gpr[CpuState.RSP] = 0x80000;
        s.gpr[CpuState.RSI] = DATA;
        s.gpr[CpuState.RDI] = DATA + 0x100;
    }

    /** Where the next snippet goes: each run gets fresh code so no stale translation is reused. */
    private long next = CODE;
    /** Address of the last snippet run. */
    long at;

    /** Runs the bytes (placed at a fresh address from CODE on) until they end, or a fault/exit. */
    RunResult run(int... code) {
        byte[] b = new byte[code.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) code[i];
        }
        at = next;
        next += 0x100;
        phys.load(at, b);
        s.rip = at;
        vcpu.setStopAt(at + b.length);
        return vcpu.run();
    }

    void put64(long addr, long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        phys.load(addr, b);
    }

    long get64(long addr) {
        return s.mem.read(addr, 8);
    }

    @Override
    public void close() {
        phys.close();
    }
}
