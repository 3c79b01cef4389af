package tvmm.decode;

final class X87Map {
    private X87Map() {
    }

    static final String TEXT = """
        """;
}
