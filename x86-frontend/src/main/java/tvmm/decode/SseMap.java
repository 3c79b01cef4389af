package tvmm.decode;

final class SseMap {
    private SseMap() {
    }

    static final String TEXT = """
        """;
}
