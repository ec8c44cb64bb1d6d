import AttuneCore
KernelChoice.reexecIfNeeded()
print(KernelChoice.describe())
