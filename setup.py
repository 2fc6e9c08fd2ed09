"""Only here to ship the top-level resources/ folder as kaizen_exchange/_resources.

Everything else about the build is in pyproject.toml; setuptools' automatic package
discovery cannot name a data-only folder mapped from outside the package.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["kaizen_exchange*"]), "kaizen_exchange._resources"])
