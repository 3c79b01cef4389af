package tvmm.images.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one host program (apt-cache, apt-get, dpkg-deb) and returns what it printed.
 * A program that is not installed and a program that fails both become a
 * {@link GuestImageException} with one line: the command and the last line it printed
 * on stderr.
 */
final class HostCommand {
    private HostCommand() {
    }

    /** The result of a finished command. */
    record Result(int status, String stdout, String stderr) {
    }

    /** Runs {@code command} in {@code dir} (null: the current directory); non-zero status fails. */
    static String run(Path dir, List<String> command) throws GuestImageException {
        Result r = runAllowingFailure(dir, command);
        if (r.status != 0) {
            throw new GuestImageException(String.join(" ", command) + " failed (status " + r.status + "): "
                    + lastLine(r.stderr.isBlank() ? r.stdout : r.stderr));
        }
        return r.stdout;
    }

    static Result runAllowingFailure(Path dir, List<String> command) throws GuestImageException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(devNull()));
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        // Untranslated messages, so parsing "Candidate:" works on every host.
        pb.environment().put("LC_ALL", "C");
        Process p = start(pb, command.get(0));
        // Drain stderr on its own thread: a full stderr pipe would block the child.
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        String out = readAll(p.getInputStream());
        try {
            int status = p.waitFor();
            return new Result(status, out, err.join());
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new GuestImageException(command.get(0) + " interrupted", e);
        }
    }

    static Process start(ProcessBuilder pb, String program) throws GuestImageException {
        try {
            return pb.start();
        } catch (IOException e) {
            throw new GuestImageException(program + " is not available on this host (" + e.getMessage() + ")", e);
        }
    }

    static String lastLine(String text) {
        String t = text.strip();
        int nl = t.lastIndexOf('\n');
        return nl < 0 ? t : t.substring(nl + 1).strip();
    }

    private static java.io.File devNull() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
