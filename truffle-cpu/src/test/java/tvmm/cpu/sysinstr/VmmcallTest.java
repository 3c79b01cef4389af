package tvmm.cpu.sysinstr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import tvmm.cpu.RunResult;
import tvmm.cpu.interrupts.Vectors;
import tvmm.cpu.svm.ExitCode;
import tvmm.cpu.svm.Intercept;
import tvmm.cpu.svm.Vmcb;

/** VMMCALL (APM vol. 3): the VMMCALL exit with RIP after it when intercepted, else #UD. */
class VmmcallTest {
    private static final int[] VMMCALL_HLT = {0x0f, 0x01, 0xd9, 0xf4};

    @Test
    void interceptedVmmcallExitsBehindTheInstruction() {
        try (SysCpu c = new SysCpu().real()) {
            Vmcb vmcb = new Vmcb();
            vmcb.setIntercept(Intercept.VMMCALL, true);
            c.sys.setVmcb(vmcb);
            RunResult r = c.load(0x1000, VMMCALL_HLT).run(0x1000);
            assertNotNull(r.exit(), r.toString());
            assertEquals(ExitCode.VMMCALL, r.exit().code);
            assertEquals(0x1003, c.s.rip, "RIP after the instruction (NRIP)");
            assertEquals(List.of(), c.faults);
        }
    }

    @Test
    void withoutTheInterceptVmmcallIsUndefined() {
        try (SysCpu c = new SysCpu().real()) {
            c.sys.setVmcb(new Vmcb());
            RunResult r = c.load(0x1000, VMMCALL_HLT).run(0x1000);
            assertEquals(List.of(Vectors.UD), c.faults);
            assertEquals(0x1000, c.s.rip, "#UD is a fault: RIP on the instruction");
            // The delivery's VmExit comes back from run() (it does not escape as an exception).
            assertEquals(ExitCode.SHUTDOWN, r.exit().code);
        }
        try (SysCpu c = new SysCpu().real()) {
            c.load(0x1000, VMMCALL_HLT).run(0x1000);
            assertEquals(List.of(Vectors.UD), c.faults, "no VMM at all");
        }
    }
}
