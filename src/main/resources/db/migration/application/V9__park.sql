-- The park (园区) an enterprise is located in: items delegated to parks go to the park's departments.
ALTER TABLE application ADD COLUMN park TEXT;
