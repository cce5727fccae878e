package cn.onego.platform.crypto;

import java.util.List;

/** The sealed columns of a module's tables, declared by the repository that writes them. */
public interface SealedColumns {

	List<SealedColumn> sealedColumns();
}
