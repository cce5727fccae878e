package cn.onego.sharing;

/**
 * The uploaded files an authorisation names as its signed letter, as sharing needs them: whether the user
 * recording the authorisation uploaded the file, and marking it as referred to (so that it is kept). The
 * application module, which stores uploads, provides it; sharing does not depend on it.
 */
public interface SignedDocuments {

	/** Whether {@code username} uploaded a file with this content hash. */
	boolean uploadedBy(String username, String hash);

	/** The upload is referred to from now on and is never cleaned up. */
	void referTo(String username, String hash);
}
