package tvmm.decode;

import java.nio.file.Files;
import java.nio.file.Path;
import tvmm.decode.tools.Comparison;
import tvmm.decode.tools.ElfText;

/** Development entry: java -cp ... tvmm.decode.CompareMain FILE [keep]. */
final class CompareMain {
    public static void main(String[] args) throws Exception {
        byte[] f = Files.readAllBytes(Path.of(args[0]));
        Comparison c = new Comparison(args.length > 1 ? Integer.parseInt(args[1]) : 40);
        for (ElfText.Section s : ElfText.sections(f)) {
            try (CapstoneReference ref = new CapstoneReference(s.bits())) {
                c.run(s.bytes(), s.address(), s.bits(), ref);
            }
        }
        java.util.Map<String, Integer> count = new java.util.HashMap<>();
        java.util.Map<String, String> example = new java.util.HashMap<>();
        for (String d : c.disagreements) {
            String[] p = d.split("tvmm: |capstone: ");
            String ours = p[1].replaceAll("^\\(\\d+\\) ", "").split(" ")[0];
            String theirs = p[2].replaceAll("^\\(\\d+\\) ", "").split(" ")[0];
            String key = ours + " | " + theirs;
            count.merge(key, 1, Integer::sum);
            example.putIfAbsent(key, d);
        }
        count.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(args.length > 2 ? Integer.parseInt(args[2]) : 60)
                .forEach(en -> System.out.println(en.getValue() + "  " + example.get(en.getKey())));
        System.out.println(c.excludedByRule);
        System.out.println(c.summary());
    }
}
