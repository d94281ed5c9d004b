"""The Plan workspace: the master plan (task table and Gantt), the resource calendar and the
project's working calendar."""
