print("shipshape")
