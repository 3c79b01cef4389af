package tvmm.cpu.nodes;

import tvmm.cpu.RunResult;
import tvmm.cpu.Vcpu;
import tvmm.cpu.exit.ExitPort;
import tvmm.cpu.mem.PhysicalMemory;

/** A flat 64-bit machine for engine tests: 1 MiB of RAM, identity mapping, CPL 3. */
final class TestMachine implements AutoCloseable {
    final PhysicalMemory phys = new PhysicalMemory(1 << 20);
    final Vcpu vcpu = new Vcpu(null, phys, ExitPort.NONE);

    TestMachine() {
        vcpu.state.setFlat64User();
        vcpu.state.gpr[4] = 0x80000;
    }

    TestMachine load(long address, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        phys.load(address, b);
        return this;
    }

    RunResult run(long from, long stopAt) {
        vcpu.state.rip = from;
        vcpu.setStopAt(stopAt);
        return vcpu.run();
    }

    long reg(int r) {
        return vcpu.state.gpr[r];
    }

    @Override
    public void close() {
        phys.close();
    }
}
