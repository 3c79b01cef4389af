package tvmm.vmm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tvmm.decode.Decoder;
import tvmm.decode.Disassembler;
import tvmm.decode.Instruction;
import tvmm.decode.Status;
import tvmm.decode.tools.Comparison;
import tvmm.decode.tools.ElfText;
import tvmm.decode.tools.RandomComparison;
import tvmm.vmm.disasm.CapstoneReference;

/**
 * {@code tvmm disasm}: decodes a file with tvmm's decoder and prints address, bytes and
 * Intel-syntax text; or compares every instruction with capstone (the decoder's oracle,
 * DESIGN.md §10), excluding only the cases listed in x86-frontend/CAPSTONE-BUGS.md.
 */
@Command(name = "disasm", description = "Disassemble an ELF file's executable sections or raw bytes;"
        + " --compare-capstone checks every instruction against capstone.")
final class DisasmCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "ELF executable/library, or raw code with --raw.")
    Path file;

    @Option(names = "--raw", description = "Treat FILE as raw code (no ELF headers).")
    boolean raw;

    @Option(names = "--bits", defaultValue = "64", description = "Code size for --raw and --random: 16, 32 or 64 (default ${DEFAULT-VALUE}).")
    int bits;

    @Option(names = "--org", defaultValue = "0", description = "Load address of raw code (0x... or decimal).")
    String org;

    @Option(names = "--compare-capstone", description = "Compare length, mnemonic and operands with capstone.")
    boolean compare;

    @Option(names = "--show", defaultValue = "20", description = "How many disagreements to list (default ${DEFAULT-VALUE}).")
    int show;

    @Option(names = "--random", paramLabel = "N", description = "Compare N random 16-byte strings with capstone (no FILE).")
    long random;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of --random (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (bits != 16 && bits != 32 && bits != 64) {
            System.err.println("tvmm: --bits must be 16, 32 or 64");
            return Main.USAGE;
        }
        if (random > 0) {
            return randomCompare();
        }
        if (file == null) {
            System.err.println("tvmm: disasm needs a FILE (or --random N)");
            return Main.USAGE;
        }
        if (!Files.isReadable(file)) {
            System.err.println("tvmm: cannot read " + file);
            return 1;
        }
        byte[] bytes = Files.readAllBytes(file);
        List<ElfText.Section> sections;
        if (raw) {
            sections = List.of(new ElfText.Section("raw", parseAddress(org), bytes, bits));
        } else if (ElfText.isElf(bytes)) {
            sections = ElfText.sections(bytes);
        } else {
            System.err.println("tvmm: " + file + " is not an ELF file (use --raw --bits N for raw code)");
            return 1;
        }
        return compare ? compare(sections) : print(sections);
    }

    private static long parseAddress(String s) {
        String t = s.strip().toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
    }

    private static int print(List<ElfText.Section> sections) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
        Decoder d = new Decoder();
        StringBuilder line = new StringBuilder();
        for (ElfText.Section s : sections) {
            out.println();
            out.println("section " + s.name() + " (" + s.bits() + "-bit, " + s.bytes().length + " bytes at 0x"
                    + Long.toHexString(s.address()) + "):");
            byte[] code = s.bytes();
            int pos = 0;
            while (pos < code.length) {
                Instruction in = d.decode(code, pos, code.length - pos, s.bits());
                long ip = s.address() + pos;
                int n = in.status == Status.OK ? in.length : in.status == Status.TRUNCATED ? code.length - pos : 1;
                line.setLength(0);
                line.append(String.format("%8x:  %-30s ", ip, Comparison.hex(code, pos, Math.min(n, 10))));
                line.append(in.status == Status.OK ? Disassembler.format(in, ip)
                        : in.status == Status.TRUNCATED ? "(truncated)" : in.status == Status.TOO_LONG ? "(too long)" : "(bad)");
                out.println(line);
                pos += n;
            }
        }
        out.flush();
        return 0;
    }

    private int compare(List<ElfText.Section> sections) {
        Comparison c = new Comparison(show);
        for (ElfText.Section s : sections) {
            try (CapstoneReference ref = new CapstoneReference(s.bits())) {
                c.run(s.bytes(), s.address(), s.bits(), ref);
            }
        }
        c.disagreements.forEach(System.out::println);
        if (c.excluded > 0) {
            System.out.println("excluded by CAPSTONE-BUGS.md: " + c.excluded + " " + c.excludedByRule);
        }
        System.out.println(c.summary());
        return 0;
    }

    private int randomCompare() {
        RandomComparison c = new RandomComparison(show);
        try (CapstoneReference ref = new CapstoneReference(bits)) {
            c.run(random, bits, seed, ref);
        }
        c.disagreements.forEach(System.out::println);
        System.out.println(c.summary());
        return 0;
    }
}
