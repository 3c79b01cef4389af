package tvmm.cpu.nodes;

import tvmm.decode.Instruction;

/** Turns one decoded instruction at a linear address into its node (tvmm.cpu.instr.Translator);
 * {@code s} gives the mode the unit is built for (its key): stack size, CPL. */
public interface InsnFactory {
    Insn create(Instruction d, long address, tvmm.cpu.state.CpuState s);
}
