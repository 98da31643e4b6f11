package io.firerisk.internal;

import io.firerisk.CampaignException;
import io.firerisk.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A snapshot of a campaign folder's text files, read once into memory, keyed by their path relative
 * to the folder with forward slashes. Loading works on the snapshot, so a folder edited during a
 * reload is read either wholly before or wholly after the edit as far as each file goes, and a
 * campaign inside a jar loads the same way as one on disk.
 *
 * <p>The standards the campaign names ({@code standards:} in campaign.yaml) are part of the snapshot,
 * each under {@code standards/<id>/}, so that every file of a campaign and its standards is read, cited
 * and reported the same way. A standard is taken from the first of: the campaign folder's own
 * {@code standards/<id>/}; {@code standards/<id>/} beside the folder holding the campaign (the layout
 * of risk-rules' resources, {@code campaigns/<campaign>} next to {@code standards/<id>}); the class
 * path's {@code standards/<id>/}. One that is found nowhere is reported by the campaign reader, at its
 * line of campaign.yaml.
 */
public final class CampaignFiles {

    /** The classpath folder bundled campaigns live under. */
    public static final String CLASSPATH_ROOT = "campaigns/";
    /** The folder standards live under: on the class path, beside campaigns, and in the snapshot. */
    public static final String STANDARDS_ROOT = "standards/";
    /** The file that makes a folder a standard. */
    public static final String STANDARD_FILE = "standard.yaml";
    private static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** The list of a bundled campaign's files, relative to its folder ({@link #index(Path)}). */
    public static final String INDEX = "compiled/files.txt";

    private final String source;
    private final Path folder;
    private final Map<String, String> files;
    private final List<Problem> problems;
    private final byte[] precompiled;
    private final String onlyStandard;

    private CampaignFiles(String source, Path folder, Map<String, String> files, List<Problem> problems,
            byte[] precompiled) {
        this(source, folder, files, problems, precompiled, null);
    }

    private CampaignFiles(String source, Path folder, Map<String, String> files, List<Problem> problems,
            byte[] precompiled, String onlyStandard) {
        this.source = source;
        this.folder = folder;
        this.files = files;
        this.problems = List.copyOf(problems);
        this.precompiled = precompiled;
        this.onlyStandard = onlyStandard;
    }

    /**
     * The same campaign read so that it applies the one edition {@code standardId} on every date, instead
     * of the edition in force on each date: for comparing editions on the same venues. The edition is
     * added to the snapshot when the campaign does not name it.
     */
    public CampaignFiles applyingOnly(String standardId, ClassLoader loader) {
        Map<String, String> all = new TreeMap<>(files);
        List<Problem> found = new java.util.ArrayList<>(problems);
        mount(List.of(standardId), all, folder, loader, found);
        return new CampaignFiles(source, folder, Map.copyOf(all), found, precompiled, standardId);
    }

    /**
     * The standard.yaml of every standard bundled on the class path ({@code standards/<id>/standard.yaml}),
     * by id: where a new campaign finds the edition in force on its start date.
     */
    public static Map<String, String> bundledStandards(ClassLoader loader) {
        Map<String, String> out = new TreeMap<>();
        URL url = loader.getResource(STANDARDS_ROOT);
        if (url == null) {
            return out;
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try {
                    listStandards(fs.provider().getPath(uri), out);
                } finally {
                    if (opened) {
                        fs.close();
                    }
                }
            } else {
                listStandards(Path.of(uri), out);
            }
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException("cannot list the bundled standards at " + url, e instanceof IOException io
                    ? io : new IOException(e));
        }
        return out;
    }

    private static void listStandards(Path root, Map<String, String> out) throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            for (Path folder : (Iterable<Path>) list::iterator) {
                Path yaml = folder.resolve(STANDARD_FILE);
                if (Files.isRegularFile(yaml)) {
                    String text = decode(Files.readAllBytes(yaml));
                    if (text != null) {
                        out.put(folder.getFileName().toString().replace("/", ""), text);
                    }
                }
            }
        }
    }

    /** The one edition to apply on every date, when the snapshot was made with {@link #applyingOnly}. */
    public Optional<String> onlyStandard() {
        return Optional.ofNullable(onlyStandard);
    }

    /** The rule packages compiled at build time ({@link Precompiled#FILE}), when the folder has them. */
    public Optional<byte[]> precompiled() {
        return Optional.ofNullable(precompiled);
    }

    /** Files that could not be read as text, each as a problem; they are absent from {@link #files()}. */
    public List<Problem> problems() {
        return problems;
    }

    /** Where the files came from: a folder path or {@code classpath:campaigns/<id>}. */
    public String source() {
        return source;
    }

    /** The folder on disk, when the campaign came from one. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    public Map<String, String> files() {
        return files;
    }

    /**
     * The identity of this campaign's content: {@code sha256:} and the hex SHA-256 over every file of
     * {@link #files()} (the campaign's and the standards it mounts), each as its path, its length and its
     * UTF-8 bytes, in path order, then the one edition applied on every date when {@link #applyingOnly}
     * set one. Where the files were read from (a folder, a jar, which copy) does not enter it, nor does
     * the precompiled blob (used only when it matches the rule files, so it never changes a result).
     */
    public String digest() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
            sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            sha.update(bytes);
        }
        if (onlyStandard != null) {
            sha.update("\0onlyStandard\0".getBytes(StandardCharsets.US_ASCII));
            sha.update(onlyStandard.getBytes(StandardCharsets.UTF_8));
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    public Optional<String> text(String relativePath) {
        return Optional.ofNullable(files.get(relativePath));
    }

    /** Files under {@code prefix} ending in {@code suffix}, in path order. */
    public List<String> paths(String prefix, String suffix) {
        return files.keySet().stream().filter(p -> p.startsWith(prefix) && p.endsWith(suffix)).sorted().toList();
    }

    public static CampaignFiles fromFolder(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new CampaignException(folder.toString(), List.of(Problem.error("", 0, 0,
                    "not a campaign folder: " + root + " does not exist or is not a directory")));
        }
        return read(root.toString(), root, root, CampaignFiles.class.getClassLoader());
    }

    /** A campaign bundled on the classpath under {@code campaigns/<id>/}, in a jar or a directory. */
    public static CampaignFiles fromClasspath(String id, ClassLoader loader) {
        String location = CLASSPATH_ROOT + id + "/campaign.yaml";
        URL url = loader.getResource(location);
        if (url == null) {
            throw new CampaignException(id, List.of(Problem.error("", 0, 0, "no campaign '" + id
                    + "' on the classpath (looked for " + location + "); is the jar that bundles it a dependency?")));
        }
        String source = "classpath:" + CLASSPATH_ROOT + id;
        Optional<CampaignFiles> indexed = fromIndex(id, source, loader);
        if (indexed.isPresent()) {
            return indexed.get();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try {
                    Path yaml = fs.provider().getPath(uri);
                    return read(source, yaml.getParent(), null, loader);
                } finally {
                    if (opened) {
                        fs.close();
                    }
                }
            }
            return read(source, Path.of(uri).getParent(), null, loader);
        } catch (URISyntaxException | IOException e) {
            throw new CampaignException(id, List.of(Problem.error("", 0, 0, "cannot read campaign from " + url + ": "
                    + e.getMessage())));
        }
    }

    /**
     * A bundled campaign read through the list of its files the build wrote ({@link #INDEX}), each file
     * fetched from the class loader. Listing a folder inside a jar means opening the jar as a file system,
     * which reads the whole of its directory (tens of thousands of entries in a program's jar) and was a
     * third of a cold start's loading (docs/performance.md). Empty when there is no list or a file it
     * names is missing, so the caller walks the folder instead.
     */
    private static Optional<CampaignFiles> fromIndex(String id, String source, ClassLoader loader) {
        String base = CLASSPATH_ROOT + id + "/";
        String index;
        try (java.io.InputStream in = loader.getResourceAsStream(base + INDEX)) {
            if (in == null) {
                return Optional.empty();
            }
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        Map<String, String> files = new TreeMap<>();
        List<Problem> problems = new java.util.ArrayList<>();
        byte[] precompiled = null;
        for (String line : index.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                return Optional.empty();
            }
            String key = line.substring(0, tab);
            String resource = line.substring(tab + 1);
            byte[] bytes;
            try (java.io.InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    return Optional.empty();
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                return Optional.empty();
            }
            if (key.equals(Precompiled.FILE)) {
                precompiled = bytes;
                continue;
            }
            if (bytes.length > MAX_FILE_BYTES) {
                throw new CampaignException(source, List.of(Problem.error(key, 0, 0,
                        "file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB")));
            }
            String text = decode(bytes);
            if (text == null) {
                problems.add(Problem.error(key, 0, 0,
                        "is not UTF-8 text (save it as UTF-8; spreadsheets call this \"CSV UTF-8\")"));
            } else {
                files.put(key, text);
            }
        }
        return Optional.of(new CampaignFiles(source, null, Map.copyOf(files), problems, precompiled));
    }

    /**
     * The list of a bundled campaign's files for {@link #fromClasspath}: one line per file of the snapshot
     * read from {@code folder} (its own files, its precompiled rules and the standards it mounts), the key in
     * the snapshot, a tab, and the class-path resource it is read from when the folder is bundled under
     * {@code campaigns/<id>/} beside {@code standards/}. Written by the build step that precompiles it.
     */
    public static String index(Path folder) {
        CampaignFiles snapshot = fromFolder(folder);
        String base = CLASSPATH_ROOT + folder.getFileName() + "/";
        StringBuilder out = new StringBuilder();
        for (String key : new java.util.TreeSet<>(snapshot.files().keySet())) {
            // a standard the folder holds itself is read from it; one mounted from beside it, from standards/
            boolean own = !key.startsWith(STANDARDS_ROOT) || Files.isRegularFile(folder.resolve(key));
            out.append(key).append('\t').append(own ? base + key : key).append('\n');
        }
        if (snapshot.precompiled().isPresent()) {
            out.append(Precompiled.FILE).append('\t').append(base).append(Precompiled.FILE).append('\n');
        }
        return out.toString();
    }

    /** An in-memory campaign, for tests and tools that generate campaigns. */
    public static CampaignFiles of(String source, Map<String, String> files) {
        Map<String, String> all = new TreeMap<>(files);
        List<Problem> problems = new java.util.ArrayList<>();
        mountStandards(all, null, CampaignFiles.class.getClassLoader(), problems);
        return new CampaignFiles(source, null, Map.copyOf(all), problems, null);
    }

    private static CampaignFiles read(String source, Path root, Path folderOnDisk, ClassLoader loader) {
        Map<String, String> files = new TreeMap<>();
        List<Problem> problems = new java.util.ArrayList<>();
        byte[] precompiled = walk(source, root, "", files, problems);
        mountStandards(files, root, loader, problems);
        return new CampaignFiles(source, folderOnDisk, Map.copyOf(files), problems, precompiled);
    }

    /**
     * Adds to {@code files}, under {@code standards/<id>/}, every standard campaign.yaml names that the
     * files do not already hold. campaign.yaml is parsed here only for the ids; the reader parses it
     * again and reports its problems (an id found nowhere among them).
     */
    private static void mountStandards(Map<String, String> files, Path root, ClassLoader loader,
            List<Problem> problems) {
        String yaml = files.get(CampaignReader.CAMPAIGN_FILE);
        if (yaml == null) {
            return;
        }
        YamlNode parsed = YamlNode.parse(CampaignReader.CAMPAIGN_FILE, yaml, new java.util.ArrayList<>());
        if (parsed.syntaxError() || !parsed.isMap()) {
            return;
        }
        List<String> ids = new java.util.ArrayList<>();
        for (YamlNode entry : parsed.list("standards", false, new java.util.ArrayList<>())) {
            if (entry.isMap()) {
                entry.string("id", false, new java.util.ArrayList<>()).ifPresent(ids::add);
            }
        }
        mount(ids, files, root, loader, problems);
    }

    /** Adds each named standard the files do not already hold, from beside {@code root} or the class path. */
    private static void mount(List<String> ids, Map<String, String> files, Path root, ClassLoader loader,
            List<Problem> problems) {
        for (String id : ids) {
            if (!CampaignReader.CAMPAIGN_ID.matcher(id).matches()
                    || files.containsKey(STANDARDS_ROOT + id + "/" + STANDARD_FILE)) {
                continue;
            }
            Path beside = root == null || root.getParent() == null || root.getParent().getParent() == null ? null
                    : root.getParent().getParent().resolve(STANDARDS_ROOT + id);
            if (beside != null && Files.isRegularFile(beside.resolve(STANDARD_FILE))) {
                walk(beside.toString(), beside, STANDARDS_ROOT + id + "/", files, problems);
                continue;
            }
            URL url = loader.getResource(STANDARDS_ROOT + id + "/" + STANDARD_FILE);
            if (url != null) {
                fromUrl(url, id, files, problems);
            }
        }
    }

    private static void fromUrl(URL url, String id, Map<String, String> files, List<Problem> problems) {
        String prefix = STANDARDS_ROOT + id + "/";
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try {
                    walk(url.toString(), fs.provider().getPath(uri).getParent(), prefix, files, problems);
                } finally {
                    if (opened) {
                        fs.close();
                    }
                }
                return;
            }
            walk(url.toString(), Path.of(uri).getParent(), prefix, files, problems);
        } catch (URISyntaxException | IOException e) {
            problems.add(Problem.error(prefix + STANDARD_FILE, 0, 0, "cannot read standard from " + url + ": "
                    + e.getMessage()));
        }
    }

    /**
     * Reads the text files under {@code root} into {@code files}, each keyed by {@code prefix} and its
     * path below root; returns the precompiled rules found at the top, if any.
     */
    private static byte[] walk(String source, Path root, String prefix, Map<String, String> files,
            List<Problem> problems) {
        byte[] precompiled = null;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                String relative = prefix + root.relativize(p).toString().replace('\\', '/');
                if (relative.equals(Precompiled.FILE)) {
                    precompiled = Files.readAllBytes(p);
                    continue;
                }
                if (!isCampaignFile(relative)) {
                    continue;
                }
                if (Files.size(p) > MAX_FILE_BYTES) {
                    throw new CampaignException(source, List.of(Problem.error(relative, 0, 0,
                            "file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB")));
                }
                String text = decode(Files.readAllBytes(p));
                if (text == null) {
                    problems.add(Problem.error(relative, 0, 0,
                            "is not UTF-8 text (save it as UTF-8; spreadsheets call this \"CSV UTF-8\")"));
                } else {
                    files.put(relative, text);
                }
            }
        } catch (IOException e) {
            throw new CampaignException(source, List.of(Problem.error("", 0, 0, "cannot read folder: " + e)));
        } catch (UncheckedIOException e) {
            throw new CampaignException(source, List.of(Problem.error("", 0, 0, "cannot read folder: " + e.getCause())));
        }
        return precompiled;
    }

    private static boolean isCampaignFile(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        if (name.startsWith(".") || name.startsWith("~")) {
            return false;
        }
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".csv") || name.endsWith(".drl")
                || name.endsWith(".md");
    }

    /** The bytes as UTF-8 text, or {@code null} when they are not valid UTF-8. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
