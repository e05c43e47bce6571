"""Running a pipeline over many inputs: the executor (ordering, writing, resume), the engines that
run pages in processes or on Ray, and the progress line. It takes a pipeline object; it never builds one."""
