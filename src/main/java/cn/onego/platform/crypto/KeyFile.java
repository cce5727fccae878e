package cn.onego.platform.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.onego.platform.SecretFiles;

/**
 * The keys of personal data in a file readable by its owner only (mode 600), the embedded default: created with
 * one data key and the index key at the first start, in the data directory beside the database passwords, or
 * where {@code onego.crypto.key-file} ({@code ONEGO_KEY_FILE}) says. Back it up apart from the database: the
 * database without it is unreadable, and it without the database is useless.
 * <p>
 * <pre>
 * current=2
 * data-key.1=&lt;16 bytes, Base64&gt;
 * data-key.2=&lt;16 bytes, Base64&gt;
 * index-key=&lt;32 bytes, Base64&gt;
 * </pre>
 * Another process sharing the file (a second node, the rotation run elsewhere) changes it by replacing it
 * whole; a change is noticed within {@link #RECHECK_NANOS}, and at once when a value names a key not known yet.
 */
public final class KeyFile implements DataKeys {

	private static final Logger log = LoggerFactory.getLogger(KeyFile.class);

	static final Set<PosixFilePermission> OWNER_ONLY = SecretFiles.OWNER_ONLY;

	/** How long the keys read are trusted before the file's modification time is looked at again. */
	static final long RECHECK_NANOS = 5_000_000_000L;

	private static final SecureRandom random = new SecureRandom();

	private record Keys(int current, Map<Integer, SecretKey> data, SecretKey index, FileTime modified) {
	}

	private final Path file;
	private volatile Keys keys;
	private volatile long checkedAt;

	private KeyFile(Path file, Keys keys) {
		this.file = file;
		this.keys = keys;
		this.checkedAt = System.nanoTime();
	}

	/** The keys in {@code file}, or new ones written there when it does not exist yet. */
	public static KeyFile loadOrCreate(Path file) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				Keys fresh = new Keys(1, Map.of(1, dataKey()), new SecretKeySpec(bytes(32), "HmacSM3"), null);
				store(file, fresh);
				log.info("Created the keys of personal data in {} (mode 600); back it up apart from the database", file);
			}
			return new KeyFile(file, load(file));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read or write the keys of personal data in " + file, e);
		}
	}

	public Path file() {
		return file;
	}

	@Override
	public int current() {
		return fresh().current();
	}

	@Override
	public SecretKey key(int id) {
		SecretKey key = fresh().data().get(id);
		if (key == null) {
			// another process may have added it just now
			key = reload().data().get(id);
		}
		if (key == null) {
			throw new UnknownDataKey(id);
		}
		return key;
	}

	@Override
	public SortedSet<Integer> ids() {
		return Collections.unmodifiableSortedSet(new TreeSet<>(fresh().data().keySet()));
	}

	@Override
	public SecretKey indexKey() {
		return fresh().index();
	}

	@Override
	public synchronized int addCurrent() {
		Keys now = reload();
		int id = now.data().keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
		Map<Integer, SecretKey> data = new TreeMap<>(now.data());
		data.put(id, dataKey());
		write(new Keys(id, data, now.index(), null));
		log.info("Data key k{} added to {} and made the current one", id, file);
		return id;
	}

	@Override
	public synchronized void remove(int id) {
		Keys now = reload();
		if (id == now.current()) {
			throw new IllegalArgumentException("k" + id + " is the current data key and cannot be removed");
		}
		if (!now.data().containsKey(id)) {
			return;
		}
		Map<Integer, SecretKey> data = new TreeMap<>(now.data());
		data.remove(id);
		write(new Keys(now.current(), data, now.index(), null));
		log.info("Data key k{} removed from {}", id, file);
	}

	private void write(Keys changed) {
		try {
			store(file, changed);
			keys = load(file);
			checkedAt = System.nanoTime();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write the keys of personal data in " + file, e);
		}
	}

	private Keys fresh() {
		if (System.nanoTime() - checkedAt > RECHECK_NANOS) {
			checkedAt = System.nanoTime();
			try {
				if (!Files.getLastModifiedTime(file).equals(keys.modified())) {
					return reload();
				}
			}
			catch (IOException e) {
				log.warn("Could not look at {}; the keys read before stay in use", file, e);
			}
		}
		return keys;
	}

	private synchronized Keys reload() {
		try {
			keys = load(file);
			checkedAt = System.nanoTime();
			return keys;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the keys of personal data in " + file, e);
		}
	}

	private static Keys load(Path file) throws IOException {
		FileTime modified = Files.getLastModifiedTime(file);
		Properties values = new Properties();
		values.load(new StringReader(SecretFiles.read(file)));
		Map<Integer, SecretKey> data = new TreeMap<>();
		for (String name : values.stringPropertyNames()) {
			if (name.startsWith("data-key.")) {
				int id = Integer.parseInt(name.substring("data-key.".length()));
				byte[] key = Base64.getDecoder().decode(values.getProperty(name).strip());
				if (key.length != 16) {
					throw new IllegalStateException(file + ": data-key." + id + " is not a 128-bit SM4 key");
				}
				data.put(id, new SecretKeySpec(key, "SM4"));
			}
		}
		String current = values.getProperty("current");
		String index = values.getProperty("index-key");
		if (current == null || index == null || !data.containsKey(Integer.parseInt(current.strip()))) {
			throw new IllegalStateException(file + " names no current data key it holds, or holds no index key");
		}
		return new Keys(Integer.parseInt(current.strip()), Map.copyOf(data),
				new SecretKeySpec(Base64.getDecoder().decode(index.strip()), "HmacSM3"), modified);
	}

	/** Replaces the file whole for a reader (never half written, never readable by others). */
	private static void store(Path file, Keys keys) throws IOException {
		StringBuilder content = new StringBuilder("""
				# Keys of OneGo's personal data at rest (docs/SECURITY.md, "Personal data at rest"). Keep this file private
				# (mode 600) and back it up apart from the database: without it the sealed values cannot be read.
				""");
		content.append("current=").append(keys.current()).append('\n');
		new TreeMap<>(keys.data()).forEach((id, key) -> content.append("data-key.").append(id).append('=')
			.append(Base64.getEncoder().encodeToString(key.getEncoded())).append('\n'));
		content.append("index-key=").append(Base64.getEncoder().encodeToString(keys.index().getEncoded())).append('\n');
		SecretFiles.replace(file, content.toString());
	}

	private static SecretKey dataKey() {
		return new SecretKeySpec(bytes(16), "SM4");
	}

	private static byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	@Override
	public String toString() {
		return "KeyFile[" + file + "]";
	}
}
