"""For the classroom: students export their drill progress, the teacher merges it.

A student's export (`argmap stats --export FILE`) holds a name the student
chose and their answers, nothing else personal; `argmap class-report` reads
many of them and writes one self-contained HTML report and a text summary.
"""
