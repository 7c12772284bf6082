# ptyrun.py SIGNAL WAIT_FOR cmd...: run cmd on a pseudo-terminal, send SIGNAL once WAIT_FOR has
# been printed, print what the terminal received (repr) and the exit status
import os, pty, sys, time, signal, select
sig = getattr(signal, sys.argv[1])
marker = sys.argv[2].encode()
args = sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(args[0], args)
out = b''
sent = False
deadline = time.time() + 60
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.1)
    if r:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        out += data
    if not sent and marker in out:
        time.sleep(0.3)
        os.kill(pid, sig)
        sent = True
else:
    os.kill(pid, signal.SIGKILL)
_, status = os.waitpid(pid, 0)
sys.stdout.write(repr(out) + '\n')
sys.stdout.write(f"sent={sent} exit={os.waitstatus_to_exitcode(status)}\n")
