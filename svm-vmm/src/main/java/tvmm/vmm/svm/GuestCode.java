package tvmm.vmm.svm;

import tvmm.cpu.state.CpuState;
import tvmm.decode.Decoder;
import tvmm.decode.Disassembler;
import tvmm.decode.Instruction;

/**
 * The guest instruction at an address, for the one-line reason a machine stops with
 * ("triple fault ... at rip 0x431e0fe: fninit"), so a user sees at once what the guest was
 * doing. Never throws: unreadable code is reported as such.
 */
final class GuestCode {
    private GuestCode() {
    }

    static String describe(CpuState s, long rip) {
        try {
            long linear = s.codeSize == 8 ? rip : (s.seg[CpuState.CS].base + rip) & 0xffffffffL;
            byte[] bytes = new byte[15];
            int n = 0;
            for (; n < bytes.length; n++) {
                try {
                    bytes[n] = (byte) s.mem.fetch8(linear + n);
                } catch (RuntimeException unreadable) {
                    break;
                }
            }
            if (n == 0) {
                return "code not readable";
            }
            Instruction in = Decoder.decodeOne(bytes, 0, n, s.codeSize * 8);
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < Math.max(1, Math.min(in.length, n)); i++) {
                hex.append(String.format("%02x", bytes[i]));
            }
            return Disassembler.format(in, rip) + " [" + hex + "]";
        } catch (RuntimeException e) {
            return "code not decodable";
        }
    }
}
